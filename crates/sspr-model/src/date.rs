//! A calendar date, for Microsoft's dates and the case's `today`.

/// A calendar date, `YYYY-MM-DD`. Ordered, so dates compare directly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    y: u16,
    m: u8,
    d: u8,
}

impl Date {
    pub const fn ymd(y: u16, m: u8, d: u8) -> Date {
        Date { y, m, d }
    }

    /// Parses `YYYY-MM-DD` (full-width digits allowed); None for anything else.
    pub fn parse(s: &str) -> Option<Date> {
        let s = sspr_text::fold_width(s);
        let s = s.trim();
        let mut parts = s.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let (y, m, d): (u16, u8, u8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        let last_day = *days.get(usize::from(m).checked_sub(1)?)?;
        (1..=last_day).contains(&d).then_some(Date { y, m, d })
    }
}

impl Date {
    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    fn day_number(self) -> i64 {
        let (y, m, d) = (i64::from(self.y) - i64::from(self.m <= 2), i64::from(self.m), i64::from(self.d));
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Whole days from `earlier` to `self` (negative when `self` is before it).
    pub fn days_since(self, earlier: Date) -> i64 {
        self.day_number() - earlier.day_number()
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse() {
        assert_eq!(Date::parse("2027-02-01"), Some(Date::ymd(2027, 2, 1)));
        assert_eq!(Date::parse("２０２７-０２-０１"), Some(Date::ymd(2027, 2, 1)));
        assert!(Date::parse("2026-02-29").is_none());
        assert!(Date::parse("2028-02-29").is_some());
        assert!(Date::parse("27-2-1").is_none());
        assert_eq!(Date::ymd(2027, 7, 1).to_string(), "2027-07-01");
    }

    #[test]
    fn days_between() {
        assert_eq!(Date::ymd(2026, 11, 25).days_since(Date::ymd(2026, 11, 25)), 0);
        assert_eq!(Date::ymd(2027, 5, 24).days_since(Date::ymd(2026, 11, 25)), 180);
        assert_eq!(Date::ymd(2026, 11, 24).days_since(Date::ymd(2026, 11, 25)), -1);
        assert_eq!(Date::ymd(2028, 3, 1).days_since(Date::ymd(2028, 2, 28)), 2);
    }
}
