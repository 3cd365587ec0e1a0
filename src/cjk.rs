//! Which characters are wide: set in the CJK face even inside Latin text,
//! and two columns in a terminal (the layout layer measures with it, error
//! messages place their caret with it).

/// Whether `c` is set in the CJK face even inside Latin text (full-width).
pub fn is_wide(c: char) -> bool {
    !c.is_ascii()
        && (('\u{1100}'..='\u{11FF}').contains(&c)
            || ('\u{2E80}'..='\u{A4CF}').contains(&c)
            || ('\u{AC00}'..='\u{D7A3}').contains(&c)
            || ('\u{F900}'..='\u{FAFF}').contains(&c)
            || ('\u{FE30}'..='\u{FE4F}').contains(&c)
            || ('\u{FF00}'..='\u{FF60}').contains(&c)
            || ('\u{FFE0}'..='\u{FFE6}').contains(&c)
            || ('\u{20000}'..='\u{3FFFD}').contains(&c)
            || matches!(c, '—' | '…' | '“' | '”' | '‘' | '’' | '·'))
}
