//! Recovering the cells of a table row whose digits ran together ("898989" is 89 | 89 | 89):
//! every way to cut the text into numbers as a table prints them (no leading zeros), filtered
//! by the template's own arithmetic. The caller keeps a split only when it is the only one.

/// At most this many splits are collected; more means "ambiguous" anyway.
pub const MAX_SPLITS: usize = 64;

/// Every way to cut `tokens` (runs of ASCII digits; a cut never joins two tokens) into exactly
/// `n` non-negative integers without leading zeros, for which `accept` holds. At most
/// [`MAX_SPLITS`] are returned.
pub fn splits(tokens: &[&str], n: usize, accept: &dyn Fn(&[i64]) -> bool) -> Vec<Vec<i64>> {
    let mut out = Vec::new();
    if tokens.is_empty()
        || tokens
            .iter()
            .any(|t| t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()))
    {
        return out;
    }
    let total_digits: usize = tokens.iter().map(|t| t.len()).sum();
    if total_digits < n || tokens.len() > n {
        return out;
    }
    let mut current = Vec::with_capacity(n);
    go(tokens, 0, 0, n, &mut current, accept, &mut out);
    out
}

fn go(
    tokens: &[&str],
    token: usize,
    at: usize,
    n: usize,
    current: &mut Vec<i64>,
    accept: &dyn Fn(&[i64]) -> bool,
    out: &mut Vec<Vec<i64>>,
) {
    if out.len() >= MAX_SPLITS {
        return;
    }
    if token == tokens.len() {
        if current.len() == n && accept(current) {
            out.push(current.clone());
        }
        return;
    }
    let t = tokens[token].as_bytes();
    let remaining_tokens = tokens.len() - token - 1;
    if current.len() + 1 + remaining_tokens > n {
        return;
    }
    // Digits left after this token, which must still give at least one number per slot.
    let max_len = if t[at] == b'0' {
        1
    } else {
        (t.len() - at).min(12)
    };
    for len in 1..=max_len {
        let end = at + len;
        let value: i64 = match std::str::from_utf8(&t[at..end])
            .ok()
            .and_then(|s| s.parse().ok())
        {
            Some(v) => v,
            None => return,
        };
        current.push(value);
        if end == t.len() {
            go(tokens, token + 1, 0, n, current, accept, out);
        } else if current.len() < n {
            go(tokens, token, end, n, current, accept, out);
        }
        current.pop();
    }
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

    #[test]
    fn unique_split() {
        let s = splits(&["21710000218"], 7, &row_total_holds);
        assert_eq!(s, vec![vec![217, 1, 0, 0, 0, 0, 218]]);
        let s = splits(&["230", "000023"], 7, &row_total_holds);
        assert_eq!(s, vec![vec![23, 0, 0, 0, 0, 0, 23]]);
    }

    #[test]
    fn ambiguous_split() {
        // 89 | 89 | 89 or 8 | 98 | 989 or …: nothing tells them apart.
        assert!(splits(&["898989"], 3, &|_| true).len() > 1);
    }

    #[test]
    fn leading_zeros_and_garbage() {
        assert_eq!(splits(&["000"], 3, &|_| true), vec![vec![0, 0, 0]]);
        assert!(splits(&["12a"], 2, &|_| true).is_empty());
        assert!(splits(&[], 2, &|_| true).is_empty());
        assert!(splits(&["1"], 2, &|_| true).is_empty());
        // Many digits must not overflow.
        assert!(splits(&["99999999999999999999999999"], 2, &|_| true).is_empty());
    }

    #[test]
    fn reviews() {
        let s = splits(&["10203120001200000"], 15, &review_groups_hold);
        assert_eq!(s, vec![vec![1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]]);
    }
}
