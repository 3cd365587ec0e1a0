//! Walking the laid-out pages: every item of a frame with the transform that
//! places it on the page, groups opened (the layout check, the preflight and
//! `nianbao serve` read the pages this way).

use typst::layout::{Frame, FrameItem, Point, Transform};

/// Calls `visit` with every item of `frame` that is not a group, in order,
/// with its position in its frame and the transform from that frame to the
/// page (`ts` for `frame` itself).
pub fn leaves(frame: &Frame, ts: Transform, visit: &mut dyn FnMut(Point, &FrameItem, Transform)) {
    for (pos, item) in frame.items() {
        match item {
            FrameItem::Group(g) => {
                let ts = ts
                    .pre_concat(Transform::translate(pos.x, pos.y))
                    .pre_concat(g.transform);
                leaves(&g.frame, ts, visit);
            }
            _ => visit(*pos, item, ts),
        }
    }
}
