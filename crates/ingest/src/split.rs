//! Recovering the cells of a table row whose digits ran together ("898989" is 89 | 89 | 89):
//! every way to cut the text into numbers as a table prints them (no leading zeros), filtered
//! by the template's own arithmetic. The caller keeps a split only when it is the only one.
//!
//! The cut is found by dynamic programming over digit positions, one group of cells at a time
//! (table 3: one group of seven, 总计 last; table 4: three groups of five), so the work is
//! polynomial in the digits, and the digits are bounded: no cell has more than [`MAX_DIGITS`].
//! Only cuts that reach the end of the run are ever enumerated, and at most [`MAX_SPLITS`].

/// At most this many splits are collected; more means "ambiguous" anyway.
pub const MAX_SPLITS: usize = 64;

/// A cell holds at most this many digits (a table count is never near 10^12).
pub const MAX_DIGITS: usize = 12;

/// Complete cuts offered to `accept` at most; past this the caller sees "too many".
const MAX_EXAMINED: usize = 4096;

/// The arithmetic a row's cells satisfy, which the cut respects as it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sums {
    /// None: any cut.
    Free,
    /// Consecutive groups of this many cells; each group's last cell is the sum of the others.
    GroupTotals(usize),
}

/// Table 3 rows: the 总计 column equals the sum of the six applicant columns.
pub const ROW_TOTAL: Sums = Sums::GroupTotals(7);
/// Table 4: in each group of five, 总计 equals the sum of the first four.
pub const REVIEW_GROUPS: Sums = Sums::GroupTotals(5);

/// Every way to cut `tokens` (runs of digits, ASCII or full-width; a cut never joins two tokens) into exactly
/// `n` non-negative integers without leading zeros that satisfy `sums`, and for which `accept`
/// holds, in the order of their cell lengths. At most [`MAX_SPLITS`] are returned.
pub fn splits(
    tokens: &[&str],
    n: usize,
    sums: Sums,
    accept: &dyn Fn(&[i64]) -> bool,
) -> Vec<Vec<i64>> {
    let mut out = Vec::new();
    if tokens.is_empty()
        || tokens
            .iter()
            .any(|t| t.is_empty() || !t.chars().all(crate::doc::is_digit))
    {
        return out;
    }
    let group = match sums {
        Sums::Free => 1,
        Sums::GroupTotals(g) => g,
    };
    let total_digits: usize = tokens.iter().map(|t| t.chars().count()).sum();
    if n == 0
        || group == 0
        || !n.is_multiple_of(group)
        || tokens.len() > n
        || total_digits < n
        || total_digits > n * MAX_DIGITS
    {
        return out;
    }
    let cutter = Cutter::new(tokens, n, group, sums != Sums::Free);
    cutter.enumerate(accept, &mut out);
    out
}

/// The digits of a run, where its tokens start, and the groups' edges, memoised.
struct Cutter {
    digits: Vec<u8>,
    /// `limit[a]`: a number starting at `a` ends at or before the next token start.
    limit: Vec<usize>,
    n: usize,
    group: usize,
    summed: bool,
}

/// One group of cells: where it ends, and its values.
type Edge = (usize, Vec<i64>);

impl Cutter {
    fn new(tokens: &[&str], n: usize, group: usize, summed: bool) -> Self {
        let mut digits = Vec::new();
        let mut limit = Vec::new();
        for t in tokens {
            let len = t.chars().count();
            let end = digits.len() + len;
            // Full-width digits count as their ASCII forms.
            digits.extend(t.chars().map(|c| crate::doc::fold_width(c) as u8 - b'0'));
            limit.extend(std::iter::repeat_n(end, len));
        }
        Cutter {
            digits,
            limit,
            n,
            group,
            summed,
        }
    }

    fn len(&self) -> usize {
        self.digits.len()
    }

    /// The number printed at `a..b`, if it is one a table prints there.
    fn number(&self, a: usize, b: usize) -> Option<i64> {
        if a >= b || b - a > MAX_DIGITS || b > self.limit[a] || (b - a > 1 && self.digits[a] == 0) {
            return None;
        }
        Some(
            self.digits[a..b]
                .iter()
                .fold(0i64, |v, &d| v * 10 + i64::from(d)),
        )
    }

    /// Whether `cells` more cells can still fill the digits from `at` to the end.
    fn feasible(&self, at: usize, cells: usize) -> bool {
        let left = self.len() - at;
        left >= cells && left <= cells * MAX_DIGITS
    }

    /// Every group `k` (0-based) that starts at `at`, in the order of its cell lengths.
    fn edges(&self, k: usize, at: usize) -> Vec<Edge> {
        let mut out = Vec::new();
        let after = self.n - (k + 1) * self.group; // cells after this group
        if !self.summed {
            for b in at + 1..=(at + MAX_DIGITS).min(self.len()) {
                if let Some(v) = self.number(at, b) {
                    if self.feasible(b, after) {
                        out.push((b, vec![v]));
                    }
                }
            }
            return out;
        }
        let mut cells = Vec::with_capacity(self.group);
        self.addends(at, 0, after, &mut cells, &mut out);
        out
    }

    /// Depth-first over the addends of a summed group; the total then follows from them.
    fn addends(
        &self,
        at: usize,
        sum: i64,
        after: usize,
        cells: &mut Vec<i64>,
        out: &mut Vec<Edge>,
    ) {
        let last_group = after == 0;
        if cells.len() + 1 == self.group {
            let width = decimal_width(sum);
            let end = at + width;
            if end <= self.len()
                && (!last_group || end == self.len())
                && self.number(at, end) == Some(sum)
                && self.feasible(end, after)
            {
                cells.push(sum);
                out.push((end, cells.clone()));
                cells.pop();
            }
            return;
        }
        let addends_left = self.group - 1 - cells.len(); // this one included
        for b in at + 1..=(at + MAX_DIGITS).min(self.len()) {
            let Some(v) = self.number(at, b) else {
                break; // a longer number is not one either (leading zero, token end)
            };
            // The rest of the row must still fit: the other addends, the total, later groups.
            if !self.feasible(b, addends_left - 1 + 1 + after) {
                continue;
            }
            // The total is at least every addend, so it has at least as many digits; in the
            // last group it is what is left after the addends.
            let width = b - at;
            if last_group && self.len() - b - (addends_left - 1) < width {
                break;
            }
            let sum = sum + v;
            if decimal_width(sum) > MAX_DIGITS {
                break;
            }
            cells.push(v);
            self.addends(b, sum, after, cells, out);
            cells.pop();
        }
    }

    /// Collects the complete cuts in order, following only edges that reach the end.
    fn enumerate(&self, accept: &dyn Fn(&[i64]) -> bool, out: &mut Vec<Vec<i64>>) {
        let groups = self.n / self.group;
        let width = self.len() + 1;
        // edges[k][at], and whether group k at `at` can finish the row.
        let mut edges: Vec<Vec<Option<Vec<Edge>>>> = vec![vec![None; width]; groups];
        let mut done = vec![vec![false; width]; groups + 1];
        done[groups][self.len()] = true;
        // Positions reachable from the start, group by group.
        let mut reach = vec![vec![false; width]; groups + 1];
        reach[0][0] = true;
        for k in 0..groups {
            for at in 0..width {
                if reach[k][at] {
                    let e = self.edges(k, at);
                    for (end, _) in &e {
                        reach[k + 1][*end] = true;
                    }
                    edges[k][at] = Some(e);
                }
            }
        }
        for k in (0..groups).rev() {
            for at in 0..width {
                if let Some(e) = &edges[k][at] {
                    done[k][at] = e.iter().any(|(end, _)| done[k + 1][*end]);
                }
            }
        }
        if !done[0][0] {
            return;
        }
        let mut examined = 0;
        let mut cells = Vec::with_capacity(self.n);
        walk(&edges, &done, 0, 0, &mut cells, accept, &mut examined, out);
    }
}

/// Depth-first over groups, each step kept only where the rest of the row can follow.
#[allow(clippy::too_many_arguments)]
fn walk(
    edges: &[Vec<Option<Vec<Edge>>>],
    done: &[Vec<bool>],
    k: usize,
    at: usize,
    cells: &mut Vec<i64>,
    accept: &dyn Fn(&[i64]) -> bool,
    examined: &mut usize,
    out: &mut Vec<Vec<i64>>,
) {
    if k == edges.len() {
        *examined += 1;
        if accept(cells) {
            out.push(cells.clone());
        }
        return;
    }
    for (end, values) in edges[k][at].iter().flatten() {
        if out.len() >= MAX_SPLITS || *examined >= MAX_EXAMINED {
            return;
        }
        if !done[k + 1][*end] {
            continue;
        }
        let mark = cells.len();
        cells.extend_from_slice(values);
        walk(edges, done, k + 1, *end, cells, accept, examined, out);
        cells.truncate(mark);
    }
}

/// Digits of a non-negative number as printed (0 has one).
fn decimal_width(mut v: i64) -> usize {
    let mut w = 1;
    while v >= 10 {
        v /= 10;
        w += 1;
    }
    w
}

/// Table 3 rows: the 总计 column equals the sum of the six applicant columns.
pub fn row_total_holds(v: &[i64]) -> bool {
    v.len() == 7 && v[..6].iter().sum::<i64>() == v[6]
}

/// Table 4: in each group of five, 总计 equals the sum of the first four.
pub fn review_groups_hold(v: &[i64]) -> bool {
    v.len() == 15 && v.chunks(5).all(|g| g[..4].iter().sum::<i64>() == g[4])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn any(_: &[i64]) -> bool {
        true
    }

    #[test]
    fn unique_split() {
        let s = splits(&["21710000218"], 7, ROW_TOTAL, &any);
        assert_eq!(s, vec![vec![217, 1, 0, 0, 0, 0, 218]]);
        let s = splits(&["230", "000023"], 7, ROW_TOTAL, &any);
        assert_eq!(s, vec![vec![23, 0, 0, 0, 0, 0, 23]]);
    }

    #[test]
    fn ambiguous_split() {
        // 89 | 89 | 89 or 8 | 98 | 989 or …: nothing tells them apart.
        assert!(splits(&["898989"], 3, Sums::Free, &any).len() > 1);
    }

    #[test]
    fn leading_zeros_and_garbage() {
        assert_eq!(splits(&["000"], 3, Sums::Free, &any), vec![vec![0, 0, 0]]);
        assert!(splits(&["12a"], 2, Sums::Free, &any).is_empty());
        assert!(splits(&[], 2, Sums::Free, &any).is_empty());
        assert!(splits(&["1"], 2, Sums::Free, &any).is_empty());
        // Many digits must not overflow.
        assert!(splits(&["99999999999999999999999999"], 2, Sums::Free, &any).is_empty());
    }

    #[test]
    fn reviews() {
        let s = splits(&["10203120001200000"], 15, REVIEW_GROUPS, &any);
        assert_eq!(s, vec![vec![1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]]);
    }

    type Check = fn(&[i64]) -> bool;

    /// The former exhaustive search, as the reference on small inputs.
    fn brute(tokens: &[&str], n: usize, accept: &dyn Fn(&[i64]) -> bool) -> Vec<Vec<i64>> {
        fn go(
            t: &[Vec<u8>],
            token: usize,
            at: usize,
            n: usize,
            cur: &mut Vec<i64>,
            accept: &dyn Fn(&[i64]) -> bool,
            out: &mut Vec<Vec<i64>>,
        ) {
            if out.len() >= MAX_SPLITS {
                return;
            }
            if token == t.len() {
                if cur.len() == n && accept(cur) {
                    out.push(cur.clone());
                }
                return;
            }
            let d = &t[token];
            if cur.len() + t.len() - token > n {
                return;
            }
            let max = if d[at] == 0 {
                1
            } else {
                (d.len() - at).min(MAX_DIGITS)
            };
            for len in 1..=max {
                let v = d[at..at + len]
                    .iter()
                    .fold(0i64, |v, &x| v * 10 + i64::from(x));
                cur.push(v);
                if at + len == d.len() {
                    go(t, token + 1, 0, n, cur, accept, out);
                } else if cur.len() < n {
                    go(t, token, at + len, n, cur, accept, out);
                }
                cur.pop();
            }
        }
        let t: Vec<Vec<u8>> = tokens
            .iter()
            .map(|s| s.bytes().map(|b| b - b'0').collect())
            .collect();
        let mut out = Vec::new();
        go(&t, 0, 0, n, &mut Vec::new(), accept, &mut out);
        out
    }

    /// Small random digit runs: the same cuts, in the same order, as the exhaustive search.
    #[test]
    fn agrees_with_the_exhaustive_search() {
        let mut seed = 0x9e37_79b9_u32;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed
        };
        for _ in 0..3000 {
            let (n, sums, hold): (usize, Sums, Check) = match next() % 3 {
                0 => (7, ROW_TOTAL, row_total_holds),
                1 => (15, REVIEW_GROUPS, review_groups_hold),
                _ => (3, Sums::Free, any),
            };
            let len = n + (next() as usize % 6);
            // Mostly zeros and ones, so that many rows do add up.
            let digits: String = (0..len)
                .map(|_| char::from(b'0' + [0, 0, 0, 1, 1, 2, 9][next() as usize % 7]))
                .collect();
            let cut = next() as usize % len;
            let tokens: Vec<&str> = if cut > 0 && next() % 2 == 0 {
                vec![&digits[..cut], &digits[cut..]]
            } else {
                vec![&digits[..]]
            };
            assert_eq!(
                splits(&tokens, n, sums, &any),
                brute(&tokens, n, &hold),
                "{tokens:?} into {n}"
            );
        }
    }

    /// Issue 10: 35 non-zero digits for table 4 took more than 20 s; a long run is refused
    /// at once (no cell has more than twelve digits).
    #[test]
    fn long_runs_are_bounded() {
        let run = "98765432".repeat(4) + "987";
        assert!(splits(&[&run], 15, REVIEW_GROUPS, &any).is_empty());
        let run = "1".repeat(15 * 8);
        let _ = splits(&[&run], 15, REVIEW_GROUPS, &any);
        let _ = splits(&[&run[..7 * 12]], 7, ROW_TOTAL, &any);
        let _ = splits(&[&run[..40]], 7, ROW_TOTAL, &any);
        let long = "1".repeat(1_000_000);
        assert!(splits(&[&long], 15, REVIEW_GROUPS, &any).is_empty());
        assert_eq!(splits(&["1"; 3], 3, Sums::Free, &any), vec![vec![1, 1, 1]]);
    }
}
