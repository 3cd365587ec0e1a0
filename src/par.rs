//! Work on two threads (the machines nianbao runs on have two cores or
//! more): the first half of a list here, the second on another thread,
//! the results in the list's order. A panic on either thread goes on here.

/// `f` of every item, in order.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let (first, second) = items.split_at(items.len().div_ceil(2));
    let f = &f;
    std::thread::scope(|scope| {
        let rest = scope.spawn(move || second.iter().map(f).collect::<Vec<_>>());
        let mut out: Vec<R> = first.iter().map(f).collect();
        out.extend(rest.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
        out
    })
}

/// [`map`] with each item changed in place.
pub fn map_mut<T: Send, R: Send>(items: &mut [T], f: impl Fn(&mut T) -> R + Sync) -> Vec<R> {
    let (first, second) = items.split_at_mut(items.len().div_ceil(2));
    let f = &f;
    std::thread::scope(|scope| {
        let rest = scope.spawn(move || second.iter_mut().map(f).collect::<Vec<_>>());
        let mut out: Vec<R> = first.iter_mut().map(f).collect();
        out.extend(rest.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
        out
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_keep_the_order_of_the_items() {
        let items: Vec<u32> = (0..7).collect();
        assert_eq!(
            super::map(&items, |x| x * 10),
            vec![0, 10, 20, 30, 40, 50, 60]
        );
        let mut items = items;
        assert_eq!(
            super::map_mut(&mut items, |x| {
                *x += 1;
                *x
            }),
            (1..8).collect::<Vec<_>>()
        );
        assert_eq!(super::map::<u32, u32>(&[], |x| *x), Vec::<u32>::new());
    }
}
