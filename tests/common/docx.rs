//! Reading a built DOCX back: its parts, the paragraphs of `document.xml`
//! with their style and text, and the heading numbers Word prints from the
//! heading list (`numbering.xml` linked to the Heading styles).

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::collections::BTreeMap;
use std::io::Read;

/// The names of the package's parts.
pub fn part_names(docx: &[u8]) -> Vec<String> {
    let zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip package");
    zip.file_names().map(str::to_string).collect()
}

/// A part of the package.
pub fn part_bytes(docx: &[u8], name: &str) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip package");
    let mut f = zip
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the package"));
    let mut b = Vec::new();
    f.read_to_end(&mut b).unwrap();
    b
}

/// A part of the package as text (`word/document.xml`).
pub fn part(docx: &[u8], name: &str) -> String {
    String::from_utf8(part_bytes(docx, name)).unwrap()
}

/// A top-level paragraph of `document.xml`.
#[derive(Debug, Default, Clone)]
pub struct Para {
    /// The `w:pStyle` id (`Heading2`), empty for none.
    pub style: String,
    /// Plain text: `w:br` → `\n`, a `w:tab` run → `\t`.
    pub text: String,
    /// The paragraph's own `w:numPr`: (`w:numId`, `w:ilvl`).
    pub num: Option<(String, usize)>,
}

/// What the tests read from `document.xml`.
#[derive(Debug, Default)]
pub struct Scan {
    pub paragraphs: Vec<Para>,
    /// Field instructions, trimmed.
    pub instr: Vec<String>,
    pub grid_span: usize,
    pub v_merge: usize,
    pub tbl_header: usize,
    pub doc_pr_ids: Vec<String>,
}

impl Scan {
    /// The text of every paragraph.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.paragraphs.iter().map(|p| p.text.as_str())
    }

    /// Whether a paragraph's text is exactly `text`.
    pub fn has(&self, text: &str) -> bool {
        self.texts().any(|t| t == text)
    }

    /// The first paragraph whose text holds `needle`.
    pub fn position(&self, needle: &str) -> Option<usize> {
        self.texts().position(|t| t.contains(needle))
    }

    /// The texts of the paragraphs in a style.
    pub fn styled(&self, style: &str) -> Vec<&str> {
        self.paragraphs
            .iter()
            .filter(|p| p.style == style)
            .map(|p| p.text.as_str())
            .collect()
    }
}

fn attr(e: &BytesStart, key: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

/// Reads `document.xml`.
pub fn scan(xml: &str) -> Scan {
    let mut r = Reader::from_str(xml);
    let mut s = Scan::default();
    let mut para: Option<Para> = None;
    let mut depth_p = 0usize;
    let (mut in_t, mut in_instr) = (false, false);
    let mut instr = String::new();
    loop {
        let ev = r.read_event().expect("well-formed document.xml");
        match &ev {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(ev, Event::Empty(_));
                let top = depth_p == 1;
                match e.name().as_ref() {
                    b"w:p" if !empty => {
                        depth_p += 1;
                        if depth_p == 1 {
                            para = Some(Para::default());
                        }
                    }
                    b"w:pStyle" if top => {
                        let p = para.as_mut().unwrap();
                        if p.style.is_empty() {
                            p.style = attr(e, b"w:val").unwrap_or_default();
                        }
                    }
                    b"w:numId" if top => {
                        let p = para.as_mut().unwrap();
                        let level = p.num.take().map_or(0, |(_, l)| l);
                        p.num = Some((attr(e, b"w:val").unwrap_or_default(), level));
                    }
                    b"w:ilvl" if top => {
                        let p = para.as_mut().unwrap();
                        let level = attr(e, b"w:val").and_then(|v| v.parse().ok()).unwrap_or(0);
                        let id = p.num.take().map(|(id, _)| id).unwrap_or_default();
                        p.num = Some((id, level));
                    }
                    b"w:t" if !empty => in_t = true,
                    b"w:instrText" if !empty => {
                        in_instr = true;
                        instr.clear();
                    }
                    b"w:br" => {
                        if let Some(p) = para.as_mut() {
                            p.text.push('\n')
                        }
                    }
                    b"w:tab" if para.is_some() && e.attributes().count() == 0 => {
                        para.as_mut().unwrap().text.push('\t')
                    }
                    b"w:gridSpan" => s.grid_span += 1,
                    b"w:vMerge" => s.v_merge += 1,
                    b"w:tblHeader" => s.tbl_header += 1,
                    b"wp:docPr" => s.doc_pr_ids.extend(attr(e, b"id")),
                    _ => {}
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"w:p" => {
                    depth_p -= 1;
                    if depth_p == 0 {
                        s.paragraphs.push(para.take().unwrap());
                    }
                }
                b"w:t" => in_t = false,
                b"w:instrText" => {
                    in_instr = false;
                    s.instr.push(instr.trim().to_string());
                }
                _ => {}
            },
            Event::Text(t) => {
                let text = t.decode().unwrap();
                if in_t && let Some(p) = para.as_mut() {
                    p.text.push_str(&text);
                }
                if in_instr {
                    instr.push_str(&text);
                }
            }
            Event::GeneralRef(g) => {
                let c = if g.is_char_ref() {
                    g.resolve_char_ref().unwrap().unwrap().to_string()
                } else {
                    match g.decode().unwrap().as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        other => panic!("unexpected entity {other}"),
                    }
                    .to_string()
                };
                if in_t && let Some(p) = para.as_mut() {
                    p.text.push_str(&c);
                }
                if in_instr {
                    instr.push_str(&c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    s
}

/// One level of a Word list.
#[derive(Debug, Default, Clone)]
struct Level {
    num_fmt: String,
    text: String,
    legal: bool,
}

/// The levels of each `w:num` of `numbering.xml`, by `w:numId`.
fn lists(numbering: &str) -> BTreeMap<String, Vec<Level>> {
    let mut r = Reader::from_str(numbering);
    let mut abstracts: BTreeMap<String, Vec<Level>> = BTreeMap::new();
    let mut nums: BTreeMap<String, String> = BTreeMap::new();
    let (mut abs, mut num): (Option<String>, Option<String>) = (None, None);
    loop {
        match r.read_event().expect("well-formed numbering.xml") {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"w:abstractNum" => abs = attr(&e, b"w:abstractNumId"),
                b"w:lvl" => {
                    let id = abs.clone().expect("a level inside an abstractNum");
                    abstracts.entry(id).or_default().push(Level::default());
                }
                b"w:num" => num = attr(&e, b"w:numId"),
                b"w:abstractNumId" => {
                    nums.insert(num.clone().unwrap(), attr(&e, b"w:val").unwrap());
                }
                name => {
                    if let Some(l) = abs
                        .as_ref()
                        .and_then(|a| abstracts.get_mut(a))
                        .and_then(|v| v.last_mut())
                    {
                        match name {
                            b"w:numFmt" => l.num_fmt = attr(&e, b"w:val").unwrap(),
                            b"w:lvlText" => l.text = attr(&e, b"w:val").unwrap(),
                            b"w:isLgl" => l.legal = true,
                            _ => {}
                        }
                    }
                }
            },
            Event::End(e) if e.name().as_ref() == b"w:abstractNum" => abs = None,
            Event::Eof => break,
            _ => {}
        }
    }
    nums.into_iter()
        .map(|(n, a)| (n, abstracts.get(&a).cloned().unwrap_or_default()))
        .collect()
}

/// The list each paragraph style is linked to: style id → (`w:numId`, `w:ilvl`).
fn style_lists(styles: &str) -> BTreeMap<String, (String, usize)> {
    let mut r = Reader::from_str(styles);
    let mut out = BTreeMap::new();
    let mut style: Option<String> = None;
    let mut num: (Option<String>, usize) = (None, 0);
    loop {
        match r.read_event().expect("well-formed styles.xml") {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"w:style" => {
                    style = attr(&e, b"w:styleId");
                    num = (None, 0);
                }
                b"w:numId" => num.0 = attr(&e, b"w:val"),
                b"w:ilvl" => num.1 = attr(&e, b"w:val").and_then(|v| v.parse().ok()).unwrap_or(0),
                _ => {}
            },
            Event::End(e) if e.name().as_ref() == b"w:style" => {
                if let (Some(s), (Some(n), l)) = (style.take(), num.clone()) {
                    out.insert(s, (n, l));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// A counter in Word's `chineseCounting` format (一 … 十, 十一, 二十一), up to 99.
fn chinese_counting(n: usize) -> String {
    const DIGITS: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n].to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { DIGITS[n - 10] }),
        _ => {
            let units = if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[n % 10]
            };
            format!("{}十{units}", DIGITS[n / 10])
        }
    }
}

/// The heading paragraphs (`Heading1`–`Heading4`) in order, each as (level,
/// the number Word prints from its list, the heading's text); unnumbered
/// headings (a paragraph-level list that prints nothing) have an empty
/// number. Counters work as in Word: a paragraph of a list's level n adds
/// one to that level's counter and restarts the levels below it.
pub fn heading_numbers(docx: &[u8]) -> Vec<(u8, String, String)> {
    let lists = lists(&part(docx, "word/numbering.xml"));
    let linked = style_lists(&part(docx, "word/styles.xml"));
    let doc = scan(&part(docx, "word/document.xml"));
    let mut counters: BTreeMap<String, [usize; 9]> = BTreeMap::new();
    let mut out = Vec::new();
    for p in &doc.paragraphs {
        let Some(level) = p
            .style
            .strip_prefix("Heading")
            .and_then(|n| n.parse::<u8>().ok())
        else {
            continue;
        };
        let Some((num_id, ilvl)) = p.num.clone().or_else(|| linked.get(&p.style).cloned()) else {
            out.push((level, String::new(), p.text.clone()));
            continue;
        };
        let levels = &lists[&num_id];
        let c = counters.entry(num_id.clone()).or_insert([0; 9]);
        c[ilvl] += 1;
        c[ilvl + 1..].iter_mut().for_each(|n| *n = 0);
        let this = &levels[ilvl];
        let mut number = String::new();
        let mut chars = this.text.chars().peekable();
        while let Some(ch) = chars.next() {
            match (ch, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(k)) => {
                    chars.next();
                    let k = k as usize - 1;
                    let fmt = if this.legal {
                        "decimal"
                    } else {
                        &levels[k].num_fmt
                    };
                    number.push_str(&match fmt {
                        "decimal" => c[k].to_string(),
                        "chineseCounting" => chinese_counting(c[k]),
                        "none" => String::new(),
                        other => panic!("number format {other} not read by the tests"),
                    });
                }
                _ => number.push(ch),
            }
        }
        out.push((level, number, p.text.clone()));
    }
    out
}
