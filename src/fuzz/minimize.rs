//! Shrinking a failing input: runs of lines are removed, halving the run length each time nothing
//! more can go, while the input still fails. Bounded in tries, since each is a process.

use super::Input;

/// Tries at most this many candidates.
const MAX_TRIES: usize = 200;

/// The smallest input found that still `fails`.
pub fn minimize(input: Input, mut fails: impl FnMut(&Input) -> bool) -> Input {
    let mut best = input;
    let mut tries = 0;
    if !fails(&best) {
        // Not reproducible alone (it needed the worker's earlier state): keep it whole.
        return best;
    }
    for file in 0..best.files.len() {
        let mut chunk = lines(&best.files[file].1).len().div_ceil(2);
        while chunk >= 1 && tries < MAX_TRIES {
            let mut start = 0;
            let mut removed_any = false;
            loop {
                let current = lines(&best.files[file].1);
                if start >= current.len() || tries >= MAX_TRIES {
                    break;
                }
                let end = (start + chunk).min(current.len());
                let mut candidate = best.clone();
                candidate.files[file].1 = [&current[..start], &current[end..]].concat().join(&b'\n');
                tries += 1;
                if fails(&candidate) {
                    best = candidate;
                    removed_any = true;
                } else {
                    start = end;
                }
            }
            if !removed_any {
                chunk /= 2;
            }
        }
    }
    best
}

fn lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect()
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::fuzz::Target;

    #[test]
    fn shrinks_to_the_line_that_fails() {
        let text: Vec<String> = (0..100).map(|i| format!("line {i}")).collect();
        let input = Input {
            target: Target::Config,
            files: vec![(PathBuf::from("config.yaml"), text.join("\n").into_bytes())],
        };
        let small = minimize(input, |i| String::from_utf8_lossy(&i.files[0].1).contains("line 42"));
        assert_eq!(small.files[0].1, b"line 42");
    }
}
