//! How long someone must wait before trying again, in the words a page says it.

/// "15 minutes", "1 hour", "24 hours": whole minutes under two hours, else whole hours,
/// rounded up so a person who waits that long is let in.
pub fn wait_in_words(seconds: i64) -> String {
    let minutes = (seconds.max(60) + 59) / 60;
    let (count, unit) = if minutes < 120 && minutes % 60 != 0 {
        (minutes, "minute")
    } else {
        ((minutes + 59) / 60, "hour")
    };
    format!("{count} {unit}{}", if count == 1 { "" } else { "s" })
}

/// The sentence a rate-limited person reads: when to try again, and who to call meanwhile.
pub fn try_again_sentence(seconds: i64, call: &str) -> String {
    format!(
        "You have tried too many times. You can try again in {}, or {call}",
        wait_in_words(seconds)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_are_said_in_whole_units_rounded_up() {
        assert_eq!(wait_in_words(0), "1 minute");
        assert_eq!(wait_in_words(61), "2 minutes");
        assert_eq!(wait_in_words(15 * 60), "15 minutes");
        assert_eq!(wait_in_words(3600), "1 hour");
        assert_eq!(wait_in_words(90 * 60), "90 minutes");
        assert_eq!(wait_in_words(2 * 3600 + 1), "3 hours");
        assert_eq!(wait_in_words(24 * 3600), "24 hours");
    }
}
