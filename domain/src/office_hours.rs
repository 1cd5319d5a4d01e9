//! When the First Contact Team is in: the council's office hours (configuration), UK local
//! time worked out from UTC by the British Summer Time rule (last Sunday of March to the last
//! Sunday of October, changing at 01:00 UTC), and when a request sent now will be read. Pure:
//! the caller passes the current time. Bank holidays are not modelled; pages say so.

use serde::{Deserialize, Serialize};
use time::{Date, Duration, Month, OffsetDateTime, PrimitiveDateTime, Time, Weekday};

/// Days and times the team reads requests, in UK local time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeHours {
    /// 1 = Monday ... 7 = Sunday, inclusive.
    pub first_day: u8,
    pub last_day: u8,
    /// Minutes after midnight.
    pub opens: u16,
    pub closes: u16,
}

impl Default for OfficeHours {
    /// Monday to Friday, 9am to 5pm.
    fn default() -> Self {
        Self {
            first_day: 1,
            last_day: 5,
            opens: 9 * 60,
            closes: 17 * 60,
        }
    }
}

/// When a request sent at a given moment will be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadingTime {
    /// The office is open now: today.
    OpenNow,
    /// Closed: read when it next opens (UK local time).
    NextOpening(PrimitiveDateTime),
}

impl OfficeHours {
    /// Parses `Mon-Fri 09:00-17:00`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let err = || format!("expected office hours like \"Mon-Fri 09:00-17:00\", got {text:?}");
        let (days, times) = text.trim().split_once(' ').ok_or_else(err)?;
        let (first, last) = days.split_once('-').ok_or_else(err)?;
        let (opens, closes) = times.trim().split_once('-').ok_or_else(err)?;
        let day = |d: &str| {
            ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
                .iter()
                .position(|n| d.trim().eq_ignore_ascii_case(n))
                .map(|i| i as u8 + 1)
        };
        let minutes = |t: &str| {
            let (h, m) = t.trim().split_once(':')?;
            let (h, m) = (h.parse::<u16>().ok()?, m.parse::<u16>().ok()?);
            (h < 24 && m < 60).then_some(h * 60 + m)
        };
        let hours = Self {
            first_day: day(first).ok_or_else(err)?,
            last_day: day(last).ok_or_else(err)?,
            opens: minutes(opens).ok_or_else(err)?,
            closes: minutes(closes).ok_or_else(err)?,
        };
        if hours.first_day > hours.last_day || hours.opens >= hours.closes {
            return Err(err());
        }
        Ok(hours)
    }

    /// "Monday to Friday, 9am to 5pm".
    pub fn describe(&self) -> String {
        const NAMES: [&str; 7] = [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ];
        let first = NAMES[usize::from(self.first_day - 1)];
        let last = NAMES[usize::from(self.last_day - 1)];
        let days = if first == last {
            first.to_owned()
        } else {
            format!("{first} to {last}")
        };
        format!("{days}, {} to {}", clock(self.opens), clock(self.closes))
    }

    fn is_open_day(&self, weekday: Weekday) -> bool {
        (self.first_day..=self.last_day).contains(&weekday.number_from_monday())
    }

    /// When a request sent at `now` will be read.
    pub fn reading_time(&self, now: OffsetDateTime) -> ReadingTime {
        let local = uk_local(now);
        let minute = local.hour() as u16 * 60 + local.minute() as u16;
        if self.is_open_day(local.weekday()) && (self.opens..self.closes).contains(&minute) {
            return ReadingTime::OpenNow;
        }
        let mut day = local.date();
        if !(self.is_open_day(day.weekday()) && minute < self.opens) {
            day = day.next_day().unwrap_or(day);
            while !self.is_open_day(day.weekday()) {
                day = day.next_day().unwrap_or(day);
            }
        }
        let opens = Time::from_hms((self.opens / 60) as u8, (self.opens % 60) as u8, 0)
            .unwrap_or(Time::MIDNIGHT);
        ReadingTime::NextOpening(PrimitiveDateTime::new(day, opens))
    }
}

/// "9am", "5:30pm".
pub fn clock(minutes: u16) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    let suffix = if h < 12 { "am" } else { "pm" };
    let h12 = match h % 12 {
        0 => 12,
        h => h,
    };
    if m == 0 {
        format!("{h12}{suffix}")
    } else {
        format!("{h12}:{m:02}{suffix}")
    }
}

/// "Monday 23 November at 9am".
pub fn describe_moment(at: PrimitiveDateTime) -> String {
    format!(
        "{} {} {} at {}",
        at.weekday(),
        at.day(),
        at.month(),
        clock(at.hour() as u16 * 60 + at.minute() as u16)
    )
}

/// "22 December 2026".
pub fn describe_date(date: Date) -> String {
    format!("{} {} {}", date.day(), date.month(), date.year())
}

/// UK local time: GMT, or BST (UTC+1) from 01:00 UTC on the last Sunday in March to 01:00
/// UTC on the last Sunday in October.
pub fn uk_local(now: OffsetDateTime) -> PrimitiveDateTime {
    let year = now.year();
    let starts = last_sunday(year, Month::March)
        .with_hms(1, 0, 0)
        .map(|t| t.assume_utc());
    let ends = last_sunday(year, Month::October)
        .with_hms(1, 0, 0)
        .map(|t| t.assume_utc());
    let summer = matches!((starts, ends), (Ok(s), Ok(e)) if now >= s && now < e);
    let utc = now.to_offset(time::UtcOffset::UTC);
    let local = if summer {
        utc + Duration::hours(1)
    } else {
        utc
    };
    PrimitiveDateTime::new(local.date(), local.time())
}

fn last_sunday(year: i32, month: Month) -> Date {
    let mut day = Date::from_calendar_date(year, month, time::util::days_in_month(month, year))
        .unwrap_or(Date::MIN);
    while day.weekday() != Weekday::Sunday {
        day = day.previous_day().unwrap_or(day);
    }
    day
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn parses_and_describes() {
        let hours = OfficeHours::parse("Mon-Fri 08:30-17:00").unwrap();
        assert_eq!(
            hours,
            OfficeHours {
                first_day: 1,
                last_day: 5,
                opens: 510,
                closes: 1020
            }
        );
        assert_eq!(hours.describe(), "Monday to Friday, 8:30am to 5pm");
        assert!(OfficeHours::parse("Fri-Mon 09:00-17:00").is_err());
        assert!(OfficeHours::parse("Mon-Fri 17:00-09:00").is_err());
        assert!(OfficeHours::parse("weekdays").is_err());
    }

    #[test]
    fn uk_time_follows_british_summer_time() {
        // 2026: BST from 29 March to 25 October.
        assert_eq!(uk_local(datetime!(2026-03-29 00:59 UTC)).hour(), 0);
        assert_eq!(uk_local(datetime!(2026-03-29 01:00 UTC)).hour(), 2);
        assert_eq!(uk_local(datetime!(2026-10-25 00:59 UTC)).hour(), 1);
        assert_eq!(uk_local(datetime!(2026-10-25 01:00 UTC)).hour(), 1);
        assert_eq!(uk_local(datetime!(2026-07-01 16:30 UTC)).hour(), 17);
    }

    #[test]
    fn requests_out_of_hours_are_read_when_the_office_next_opens() {
        let hours = OfficeHours::default();
        // Sunday 22 November 2026, 3pm: read on Monday at 9am.
        let sunday = hours.reading_time(datetime!(2026-11-22 15:00 UTC));
        let ReadingTime::NextOpening(at) = sunday else {
            panic!("closed on Sunday")
        };
        assert_eq!(describe_moment(at), "Monday 23 November at 9am");
        assert_eq!(describe_date(at.date()), "23 November 2026");
        // Monday 8am: read the same morning.
        let early = hours.reading_time(datetime!(2026-11-23 08:00 UTC));
        assert_eq!(early, ReadingTime::NextOpening(datetime!(2026-11-23 09:00)));
        // Monday 10am: open now.
        assert_eq!(
            hours.reading_time(datetime!(2026-11-23 10:00 UTC)),
            ReadingTime::OpenNow
        );
        // Friday 5pm: read Monday.
        let friday = hours.reading_time(datetime!(2026-11-27 17:00 UTC));
        assert_eq!(
            friday,
            ReadingTime::NextOpening(datetime!(2026-11-30 09:00))
        );
        // In summer, 4:30pm UTC is 5:30pm in the UK: closed.
        let summer = hours.reading_time(datetime!(2026-07-01 16:30 UTC));
        assert_eq!(
            summer,
            ReadingTime::NextOpening(datetime!(2026-07-02 09:00))
        );
    }
}
