//! Playback speeds: the four a learner can choose (1x, 1.25x, 1.5x, 2x), and the exact conversion
//! between wall time and script time at each.
//!
//! Every offered speed is a whole number of quarters, so a speed is kept as quarters and the
//! conversions are integer arithmetic: 200 s of wall time at 1.5x is exactly 300 s of script.

use std::fmt;

/// A playback speed, one of [`Speed::ALL`]; `+`/`-` step through them, `:speed 1.5` picks one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Speed(u8);

impl Speed {
    /// Normal speed, as the lecturer spoke.
    pub const X1: Speed = Speed(4);
    /// 1.25 times as fast.
    pub const X1_25: Speed = Speed(5);
    /// 1.5 times as fast: the speed the script header quotes a second length for.
    pub const X1_5: Speed = Speed(6);
    /// Twice as fast.
    pub const X2: Speed = Speed(8);
    /// Every offered speed, slowest first.
    pub const ALL: [Speed; 4] = [Speed::X1, Speed::X1_25, Speed::X1_5, Speed::X2];

    /// `1.5` for 1.5x.
    pub fn factor(self) -> f64 {
        f64::from(self.0) / 4.0
    }

    /// The next faster speed; 2x stays 2x.
    pub fn faster(self) -> Speed {
        Speed::ALL.into_iter().find(|s| *s > self).unwrap_or(self)
    }

    /// The next slower speed; 1x stays 1x.
    pub fn slower(self) -> Speed {
        Speed::ALL.into_iter().rev().find(|s| *s < self).unwrap_or(self)
    }

    /// Parses what follows `:speed`: `1.5`, `1.50`, `1.5x`, `2`. Anything else is refused with the
    /// speeds on offer, so the learner sees at once what to type.
    pub fn parse(text: &str) -> Result<Speed, String> {
        let text = text.trim();
        let number = text.strip_suffix(['x', 'X']).unwrap_or(text).trim();
        let Ok(value) = number.parse::<f64>() else {
            return Err(format!("speed '{text}' is not a number: use {}", offered()));
        };
        // Offered speeds are exact in binary, so `1.50` and `1.5` compare equal without a tolerance.
        Speed::ALL
            .into_iter()
            .find(|s| s.factor() == value)
            .ok_or_else(|| format!("speed {number} is not offered: {}", offered()))
    }

    /// Script time played in `wall_ms` of wall time (at 2x, twice as much).
    pub(crate) fn script_from_wall(self, wall_ms: u64) -> u64 {
        let script = u128::from(wall_ms) * u128::from(self.0) / 4;
        u64::try_from(script).unwrap_or(u64::MAX)
    }

    /// Wall time it takes to play `script_ms` of script, rounded to the millisecond as
    /// `content::script::at_speed` rounds, so the bar's total agrees with `k8s-course check`.
    pub(crate) fn wall_from_script(self, script_ms: u64) -> u64 {
        let q = u128::from(self.0);
        let wall = (u128::from(script_ms) * 4 + q / 2) / q;
        u64::try_from(wall).unwrap_or(u64::MAX)
    }
}

impl Default for Speed {
    fn default() -> Self {
        Speed::X1
    }
}

impl fmt::Display for Speed {
    /// `1x`, `1.25x`, `1.5x`, `2x`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}x", self.factor())
    }
}

/// `1, 1.25, 1.5 or 2`.
fn offered() -> String {
    let names: Vec<String> = Speed::ALL.iter().map(|s| s.factor().to_string()).collect();
    match names.split_last() {
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_offered_speeds_in_several_spellings() {
        assert_eq!(Speed::parse("1"), Ok(Speed::X1));
        assert_eq!(Speed::parse("1.0"), Ok(Speed::X1));
        assert_eq!(Speed::parse("1.25"), Ok(Speed::X1_25));
        assert_eq!(Speed::parse(" 1.50 "), Ok(Speed::X1_5));
        assert_eq!(Speed::parse("1.5x"), Ok(Speed::X1_5));
        assert_eq!(Speed::parse("2X"), Ok(Speed::X2));
    }

    #[test]
    fn refuses_other_speeds_naming_the_offered_ones() {
        assert_eq!(
            Speed::parse("3"),
            Err("speed 3 is not offered: 1, 1.25, 1.5 or 2".to_string())
        );
        assert_eq!(
            Speed::parse("0.5x"),
            Err("speed 0.5 is not offered: 1, 1.25, 1.5 or 2".to_string())
        );
        assert_eq!(
            Speed::parse("fast"),
            Err("speed 'fast' is not a number: use 1, 1.25, 1.5 or 2".to_string())
        );
        assert!(Speed::parse("").is_err());
        assert!(Speed::parse("NaN").is_err());
    }

    #[test]
    fn steps_through_the_speeds_and_stops_at_both_ends() {
        assert_eq!(Speed::X1.faster(), Speed::X1_25);
        assert_eq!(Speed::X1_25.faster(), Speed::X1_5);
        assert_eq!(Speed::X1_5.faster(), Speed::X2);
        assert_eq!(Speed::X2.faster(), Speed::X2);
        assert_eq!(Speed::X2.slower(), Speed::X1_5);
        assert_eq!(Speed::X1.slower(), Speed::X1);
        assert_eq!(Speed::default(), Speed::X1);
    }

    #[test]
    fn shows_as_a_multiplier() {
        let shown: Vec<String> = Speed::ALL.iter().map(Speed::to_string).collect();
        assert_eq!(shown, ["1x", "1.25x", "1.5x", "2x"]);
    }

    #[test]
    fn converts_wall_and_script_time_exactly() {
        assert_eq!(Speed::X1_5.script_from_wall(200_000), 300_000);
        assert_eq!(Speed::X2.script_from_wall(1), 2);
        assert_eq!(Speed::X1_25.script_from_wall(4), 5);
        assert_eq!(Speed::X1_5.wall_from_script(721_800), 481_200);
        assert_eq!(Speed::X1_25.wall_from_script(721_800), 577_440);
        assert_eq!(Speed::X1.wall_from_script(721_800), 721_800);
        assert_eq!(Speed::X1.script_from_wall(u64::MAX), u64::MAX);
    }
}
