//! A follow-up rhythm that follows the relationship, the due list with pending
//! invitations in it, and the monthly allowance of personalised notes.
//!
//! - **Cadence.** Each contact follows up once (the default) or every N days, weeks or
//!   months (stored as `cadence_days`; a month counts 30 days). A message sent to the
//!   contact is an interaction: it is the follow-up, so a one-off follow-up is done and
//!   a rhythm starts again from it (Monica #1814, Dex and FollowUp.cc reset from the
//!   last interaction; users-ask.md). Marking a follow-up done does the same.
//! - **Pending hygiene.** An invitation pending `Settings::pending_days` (14) joins the
//!   due list with a reason, so the person can follow up or withdraw it; done or a
//!   snooze puts it away like any follow-up.
//! - **Allowance.** Free accounts may personalise `Settings::monthly_notes` (5)
//!   invitations a month; Premium is not limited.

use serde::{Deserialize, Serialize};

use super::outcome::{expires_at, outcome, InviteStatus};
use super::similarity::fold;
use super::time::{local_month_range, DAY_MS, MAX_TIME};
use super::{month_count, Contact, Settings, MAX_DAYS};

/// The LinkedIn page where pending invitations are withdrawn.
pub const SENT_INVITATIONS_URL: &str =
    "https://www.linkedin.com/mynetwork/invitation-manager/sent/";

/// The marker after which the sent-invitations page's address names the invitation to
/// withdraw: `#rapport-withdraw=<the profile URL, as encodeURIComponent writes it>`.
/// The content script on that page reads it and highlights the row (the person clicks
/// LinkedIn's own Withdraw button).
pub const WITHDRAW_MARKER: &str = "#rapport-withdraw=";

/// Where to withdraw `c`'s pending invitation: [`SENT_INVITATIONS_URL`] with
/// [`WITHDRAW_MARKER`] and the contact's profile URL (`c.url`, always derived from its key).
pub fn withdraw_url(c: &Contact) -> String {
    let mut out = String::from(SENT_INVITATIONS_URL);
    out.push_str(WITHDRAW_MARKER);
    // encodeURIComponent: every byte but A-Z a-z 0-9 - _ . ! ~ * ' ( ) is %XX.
    for b in c.url.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// How often to follow up with a contact. JSON: `"once"`, `{"days": n}`,
/// `{"weeks": n}` or `{"months": n}` (0 of anything is once).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rhythm {
    Once,
    Days(u32),
    Weeks(u32),
    Months(u32),
}

impl Rhythm {
    /// The rhythm as `cadence_days` stores it (`None` for once), at most [`MAX_DAYS`].
    pub fn days(self) -> Option<u32> {
        let d = match self {
            Rhythm::Once => 0,
            Rhythm::Days(n) => n,
            Rhythm::Weeks(n) => n.saturating_mul(7),
            Rhythm::Months(n) => n.saturating_mul(30),
        };
        (d > 0).then_some(d.min(MAX_DAYS))
    }

    /// The plainest reading of stored `cadence_days`: months, else weeks, else days.
    pub fn from_days(days: Option<u32>) -> Rhythm {
        match days {
            None | Some(0) => Rhythm::Once,
            Some(d) if d % 30 == 0 => Rhythm::Months(d / 30),
            Some(d) if d % 7 == 0 => Rhythm::Weeks(d / 7),
            Some(d) => Rhythm::Days(d),
        }
    }
}

/// `t` plus `days` whole days, within the accepted times.
pub(super) fn after(t: i64, days: u32) -> i64 {
    t.saturating_add(i64::from(days.min(MAX_DAYS)) * DAY_MS)
        .clamp(0, MAX_TIME)
}

/// The last time the person was in touch with the contact: a message, a follow-up
/// marked done, or the invitation.
pub fn last_contact(c: &Contact) -> Option<i64> {
    [c.last_interaction_at, c.done_at, c.invited_at]
        .into_iter()
        .flatten()
        .max()
}

/// Sets how often to follow up. A rhythm schedules the next follow-up one period
/// after the last contact (or `now`, if there was none); once keeps the date as it is.
pub fn set_rhythm(contact: Contact, rhythm: Rhythm, now: i64) -> Contact {
    let cadence_days = rhythm.days();
    let follow_up_at = match cadence_days {
        Some(d) => Some(after(last_contact(&contact).unwrap_or(now), d)),
        None => contact.follow_up_at,
    };
    Contact {
        cadence_days,
        follow_up_at,
        ..contact
    }
    .touch(now)
}

/// Records a message sent to the contact at `at`: `last_interaction_at` moves to it
/// (never back), a rhythm's next follow-up is one period after it, and a one-off
/// follow-up still pending is done.
pub fn record_interaction(contact: Contact, at: i64, now: i64) -> Contact {
    let at = at.clamp(0, MAX_TIME);
    let last = contact.last_interaction_at.map_or(at, |t| t.max(at));
    let (follow_up_at, done_at) = match (contact.cadence_days, contact.follow_up_at) {
        (Some(d), _) => (Some(after(last, d)), contact.done_at),
        (None, Some(_)) => (None, Some(at)),
        (None, None) => (None, contact.done_at),
    };
    Contact {
        last_interaction_at: Some(last),
        follow_up_at,
        done_at,
        ..contact
    }
    .touch(now)
}

/// Why a contact is in the due list. JSON: `{"kind": "follow_up", "at": ms}` or
/// `{"kind": "pending_invitation", "invited_at": ms, "days": n}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DueReason {
    /// The follow-up date has come.
    FollowUp { at: i64 },
    /// The invitation has been pending `days` days (at least `Settings::pending_days`).
    PendingInvitation { invited_at: i64, days: u32 },
}

/// One entry of the due list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DueItem<'a> {
    pub contact: &'a Contact,
    /// When it became due (the earliest of its reasons).
    pub since: i64,
    pub reasons: Vec<DueReason>,
    /// A sentence for the popup ("Invitation pending for 16 days: ...").
    pub message: String,
    /// Where to withdraw a pending invitation (see [`withdraw_url`]), else `None`.
    pub withdraw_url: Option<String>,
    /// See [`last_contact`].
    pub last_contact: Option<i64>,
    pub outcome: Option<InviteStatus>,
}

/// Why `c` is due at `now`, if it is.
fn reasons(c: &Contact, now: i64, settings: &Settings) -> Vec<DueReason> {
    let mut out = Vec::new();
    if let Some(at) = c.follow_up_at.filter(|&t| t <= now) {
        out.push(DueReason::FollowUp { at });
    }
    if let (Some(since), Some(invited_at)) = (pending_due_at(c, now, settings), c.invited_at) {
        if since <= now && c.follow_up_at.is_none_or(|t| t <= now) {
            let days = ((now - invited_at) / DAY_MS).clamp(0, i64::from(u32::MAX)) as u32;
            out.push(DueReason::PendingInvitation { invited_at, days });
        }
    }
    out
}

/// When a pending invitation joins the due list, unless a follow-up was marked done
/// since then (a snooze is a follow-up date, checked by the caller).
fn pending_due_at(c: &Contact, now: i64, settings: &Settings) -> Option<i64> {
    if settings.pending_days == 0 || outcome(c, now, settings) != Some(InviteStatus::Pending) {
        return None;
    }
    let since = after(c.invited_at?, settings.pending_days);
    (c.done_at.is_none_or(|d| d < since)).then_some(since)
}

fn message(reasons: &[DueReason]) -> String {
    let days = reasons.iter().find_map(|r| match r {
        DueReason::PendingInvitation { days, .. } => Some(*days),
        DueReason::FollowUp { .. } => None,
    });
    match days {
        Some(d) => format!(
            "Invitation pending for {d} days: follow up, or withdraw it on LinkedIn's \
             sent invitations page (you can invite again in about 3 weeks)."
        ),
        None => "Time to follow up.".to_string(),
    }
}

/// The due list at `now`: follow-ups whose date has come and invitations pending for
/// `settings.pending_days`, each contact once with its reasons, oldest first, then by
/// name. Its length is the badge count.
pub fn due_list<'a>(contacts: &'a [Contact], now: i64, settings: &Settings) -> Vec<DueItem<'a>> {
    let mut items: Vec<(String, DueItem<'a>)> = contacts
        .iter()
        .filter_map(|c| {
            let reasons = reasons(c, now, settings);
            let since = reasons
                .iter()
                .map(|r| match *r {
                    DueReason::FollowUp { at } => at,
                    DueReason::PendingInvitation { invited_at, .. } => {
                        after(invited_at, settings.pending_days)
                    }
                })
                .min()?;
            let pending = reasons
                .iter()
                .any(|r| matches!(r, DueReason::PendingInvitation { .. }));
            Some((
                fold(&c.name),
                DueItem {
                    contact: c,
                    since,
                    message: message(&reasons),
                    reasons,
                    withdraw_url: pending.then(|| withdraw_url(c)),
                    last_contact: last_contact(c),
                    outcome: outcome(c, now, settings),
                },
            ))
        })
        .collect();
    crate::sort::sort_by(&mut items, |a, b| {
        (a.1.since, &a.0, &a.1.contact.key).cmp(&(b.1.since, &b.0, &b.1.contact.key))
    });
    items.into_iter().map(|(_, item)| item).collect()
}

/// The next time after `now` at which the due list or an outcome changes by itself (a
/// follow-up falls due, an invitation has waited `pending_days` or expires): when to
/// set the alarm that redraws the badge.
pub fn next_change_at(contacts: &[Contact], now: i64, settings: &Settings) -> Option<i64> {
    contacts
        .iter()
        .flat_map(|c| {
            let pending = outcome(c, now, settings) == Some(InviteStatus::Pending);
            let hygiene = pending_due_at(c, now, settings);
            let expiry = expires_at(c, settings).filter(|_| pending);
            [c.follow_up_at, hygiene, expiry]
        })
        .flatten()
        .filter(|&t| t > now)
        .min()
}

/// Personalised notes used this month against the allowance. JSON: `{ used,
/// allowance, remaining, exhausted, resets_at }`; `allowance` and `remaining` are
/// `null` when unlimited (Premium).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Allowance {
    pub used: usize,
    pub allowance: Option<u32>,
    pub remaining: Option<u32>,
    pub exhausted: bool,
    /// The start of the next local calendar month.
    pub resets_at: i64,
}

/// The month's personalised notes (see [`month_count`]) against the allowance.
pub fn allowance(
    contacts: &[Contact],
    now: i64,
    tz_offset_minutes: i32,
    settings: &Settings,
) -> Allowance {
    let used = month_count(contacts, now, tz_offset_minutes);
    let allowance = (!settings.premium).then_some(settings.monthly_notes);
    let remaining = allowance.map(|a| a.saturating_sub(used.min(u32::MAX as usize) as u32));
    Allowance {
        used,
        allowance,
        remaining,
        exhausted: remaining == Some(0),
        resets_at: local_month_range(now, tz_offset_minutes).1,
    }
}

/// Below this score a draft is generic (the insights' lowest band).
pub const GENERIC_BELOW: u8 = 40;

/// What the note panel says when a draft is generic on a limited account: a blank
/// invitation does about as well and keeps the month's note for one that matters.
/// Vendor figures put a generic note level with a blank one (26.42% vs 26.37%,
/// Botdog / Expandi; users-ask.md). `points` are the draft's points before any cap
/// (the sum of its categories): a note held down by a fault it can fix ("Hi Sarah"
/// to John: 30, 85 before the cap) is not generic, and the panel says to fix that
/// instead. `None` when the draft is not generic or notes are unlimited.
pub fn blank_invitation_advice(points: u8, allowance: &Allowance) -> Option<String> {
    let remaining = allowance.remaining?;
    if points >= GENERIC_BELOW {
        return None;
    }
    let left = match remaining {
        0 => "you have no personalised notes left this month".to_string(),
        1 => "it saves your last personalised note this month".to_string(),
        n => format!("it saves one of the {n} personalised notes you have left this month"),
    };
    Some(format!(
        "A note this generic does about as well as no note: send the invitation \
         without one ({left}), or make it specific to them."
    ))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{invite, recorded, T0};
    use super::super::time::utc;
    use super::super::*;
    use super::*;

    const D: i64 = DAY_MS;

    #[test]
    fn rhythms_and_their_days() {
        assert_eq!(Rhythm::Once.days(), None);
        assert_eq!(Rhythm::Weeks(2).days(), Some(14));
        assert_eq!(Rhythm::Months(3).days(), Some(90));
        assert_eq!(Rhythm::Days(0).days(), None);
        assert_eq!(Rhythm::Months(u32::MAX).days(), Some(MAX_DAYS));
        assert_eq!(Rhythm::from_days(Some(90)), Rhythm::Months(3));
        assert_eq!(Rhythm::from_days(Some(14)), Rhythm::Weeks(2));
        assert_eq!(Rhythm::from_days(Some(10)), Rhythm::Days(10));
        assert_eq!(Rhythm::from_days(None), Rhythm::Once);
        let json: Vec<Rhythm> =
            serde_json::from_str(r#"["once", {"weeks": 2}, {"months": 1}, {"days": 3}]"#).unwrap();
        assert_eq!(
            json,
            [
                Rhythm::Once,
                Rhythm::Weeks(2),
                Rhythm::Months(1),
                Rhythm::Days(3)
            ]
        );
        assert!(serde_json::from_str::<Rhythm>(r#"{"weeks": -1}"#).is_err());
        assert!(serde_json::from_str::<Rhythm>(r#""often""#).is_err());
    }

    #[test]
    fn a_message_is_the_follow_up_and_restarts_a_rhythm() {
        let c = recorded("a", "A", Some("Hi A, a real note"), T0); // follow-up at T0+7d
        let m = record_interaction(c.clone(), T0 + 3 * D, T0 + 3 * D);
        assert_eq!(m.last_interaction_at, Some(T0 + 3 * D));
        assert_eq!(
            (m.follow_up_at, m.done_at),
            (None, Some(T0 + 3 * D)),
            "once: done"
        );
        assert_eq!(last_contact(&m), Some(T0 + 3 * D));

        let every2w = set_rhythm(c, Rhythm::Weeks(2), T0 + D);
        assert_eq!(every2w.cadence_days, Some(14));
        assert_eq!(
            every2w.follow_up_at,
            Some(T0 + 14 * D),
            "from the invitation"
        );
        let m = record_interaction(every2w, T0 + 10 * D, T0 + 10 * D);
        assert_eq!(m.follow_up_at, Some(T0 + 24 * D), "moved by the message");
        // A message reported late never moves the last contact back.
        let old = record_interaction(m.clone(), T0 + 5 * D, T0 + 11 * D);
        assert_eq!(old.last_interaction_at, Some(T0 + 10 * D));
        assert_eq!(old.follow_up_at, Some(T0 + 24 * D));
        // Done with a rhythm schedules the next one.
        let done = mark_done(m, T0 + 25 * D);
        assert_eq!(done.follow_up_at, Some(T0 + 39 * D));
        assert_eq!(last_contact(&done), Some(T0 + 25 * D));
        // Back to once keeps the date; a done one-off then clears it.
        let once = set_rhythm(done, Rhythm::Once, T0 + 26 * D);
        assert_eq!(
            (once.cadence_days, once.follow_up_at),
            (None, Some(T0 + 39 * D))
        );
        assert_eq!(mark_done(once, T0 + 27 * D).follow_up_at, None);
    }

    #[test]
    fn a_rhythm_on_someone_never_contacted_starts_now() {
        let p = remember_contact(None, &invite("/in/p", "P", None), T0).unwrap();
        assert_eq!(last_contact(&p), None);
        let r = set_rhythm(p, Rhythm::Months(1), T0 + D);
        assert_eq!(r.follow_up_at, Some(T0 + 31 * D));
        let no_follow_up = record_interaction(
            Contact {
                cadence_days: None,
                ..r.clone()
            },
            T0 + 2 * D,
            T0 + 2 * D,
        );
        assert_eq!(no_follow_up.done_at, Some(T0 + 2 * D));
    }

    #[test]
    fn the_withdraw_link_names_the_profile_as_encode_uri_component_does() {
        // `c.url` is already percent-encoded (`j%C3%BCrgen-o%27neil_2`); decodeURIComponent
        // of the marker's value gives it back.
        let c = Contact::new("linkedin.com/in/jürgen-o'neil_2");
        assert_eq!(c.url, "https://www.linkedin.com/in/j%C3%BCrgen-o%27neil_2/");
        assert_eq!(
            withdraw_url(&c),
            "https://www.linkedin.com/mynetwork/invitation-manager/sent/\
             #rapport-withdraw=https%3A%2F%2Fwww.linkedin.com%2Fin%2Fj%25C3%25BCrgen-o%2527neil_2%2F"
        );
        assert!(withdraw_url(&c).starts_with(SENT_INVITATIONS_URL));
    }

    #[test]
    fn pending_invitations_join_the_due_list_after_14_days() {
        let s = Settings::default();
        let c = mark_done(recorded("a", "Ann", None, T0), T0 + 8 * D); // followed up on day 8
        let keys = |all: &[Contact], now| {
            due_list(all, now, &s)
                .iter()
                .map(|i| (i.contact.name.clone(), i.reasons.clone()))
                .collect::<Vec<_>>()
        };
        let all = vec![c.clone()];
        assert!(keys(&all, T0 + 14 * D - 1).is_empty());
        let due = due_list(&all, T0 + 16 * D, &s);
        assert_eq!(due.len(), 1);
        assert_eq!(
            due[0].reasons,
            [DueReason::PendingInvitation {
                invited_at: T0,
                days: 16
            }]
        );
        assert_eq!(due[0].since, T0 + 14 * D);
        assert_eq!(
            due[0].withdraw_url.as_deref(),
            Some(
                "https://www.linkedin.com/mynetwork/invitation-manager/sent/\
                 #rapport-withdraw=https%3A%2F%2Fwww.linkedin.com%2Fin%2Fa%2F"
            )
        );
        assert!(
            due[0].message.starts_with("Invitation pending for 16 days"),
            "{}",
            due[0].message
        );
        assert_eq!(due[0].outcome, Some(InviteStatus::Pending));
        // Done after it fell due puts it away; so does a snooze, until it ends.
        assert!(keys(&[mark_done(c.clone(), T0 + 15 * D)], T0 + 16 * D).is_empty());
        let snoozed = snooze(c.clone(), Snooze::Days(3), T0 + 15 * D);
        assert!(keys(std::slice::from_ref(&snoozed), T0 + 16 * D).is_empty());
        assert_eq!(keys(std::slice::from_ref(&snoozed), T0 + 18 * D).len(), 1);
        // Expired (21 days), accepted or withdrawn invitations are not pending.
        assert!(keys(&all, T0 + 21 * D).is_empty());
        let acc = Contact {
            status: Some(InviteStatus::Accepted),
            ..c.clone()
        };
        assert!(keys(&[acc], T0 + 16 * D).is_empty());
        let off = Settings {
            pending_days: 0,
            ..Settings::default()
        };
        assert!(due_list(&all, T0 + 16 * D, &off).is_empty());
    }

    #[test]
    fn the_due_list_merges_reasons_and_sorts_oldest_first() {
        let s = Settings::default();
        let a = recorded("a", "Ann", None, T0); // follow-up T0+7d, pending from T0+14d
        let b = recorded("b", "Bob", None, T0 - 10 * D); // follow-up T0-3d
        let z = recorded("z", "Zed", None, T0 + D); // follow-up T0+8d
        let all = vec![z, a, b];
        let due = due_list(&all, T0 + 15 * D, &s);
        let names: Vec<&str> = due.iter().map(|i| i.contact.name.as_str()).collect();
        assert_eq!(names, ["Bob", "Ann", "Zed"]);
        assert_eq!(due[1].reasons.len(), 2, "{:?}", due[1].reasons);
        assert_eq!(due[1].since, T0 + 7 * D);
        assert_eq!(due[0].reasons.len(), 1, "Bob's invitation has expired");
        let json = serde_json::to_value(&due[1]).unwrap();
        assert_eq!(json["reasons"][0]["kind"], "follow_up");
        assert_eq!(json["reasons"][1]["kind"], "pending_invitation");
        assert_eq!(json["contact"]["name"], "Ann");
        // The alarm: the next follow-up date, pending threshold or expiry.
        assert_eq!(
            next_change_at(&all, T0, &s),
            Some(T0 + 4 * D),
            "Bob's 14 days"
        );
        assert_eq!(next_change_at(&all, T0 + 8 * D, &s), Some(T0 + 11 * D));
        assert_eq!(next_change_at(&all, T0 + 15 * D, &s), Some(T0 + 21 * D));
        assert_eq!(next_change_at(&all, T0 + 30 * D, &s), None);
    }

    #[test]
    fn allowance_counts_the_month_and_premium_is_unlimited() {
        let note = Some("Hi, a real note for you");
        let now = utc(2026, 3, 20, 12, 0);
        let all: Vec<Contact> = (0..4)
            .map(|i| recorded(&format!("p{i}"), "P", note, now - i * D))
            .chain([recorded("blank", "B", None, now)])
            .collect();
        let s = Settings::default();
        let a = allowance(&all, now, 0, &s);
        assert_eq!(
            (a.used, a.allowance, a.remaining, a.exhausted),
            (4, Some(5), Some(1), false)
        );
        assert_eq!(a.resets_at, utc(2026, 4, 1, 0, 0));
        let three = Settings {
            monthly_notes: 3,
            ..Settings::default()
        };
        let a3 = allowance(&all, now, 0, &three);
        assert_eq!((a3.remaining, a3.exhausted), (Some(0), true));
        let premium = Settings {
            premium: true,
            ..Settings::default()
        };
        let p = allowance(&all, now, 0, &premium);
        assert_eq!(
            (p.used, p.allowance, p.remaining, p.exhausted),
            (4, None, None, false)
        );

        let advice = blank_invitation_advice(25, &a).unwrap();
        assert!(advice.contains("your last personalised note"), "{advice}");
        assert!(blank_invitation_advice(25, &a3)
            .unwrap()
            .contains("no personalised notes left"));
        assert_eq!(blank_invitation_advice(40, &a), None, "not generic");
        assert_eq!(
            blank_invitation_advice(10, &p),
            None,
            "Premium: nothing to save"
        );
    }

    #[test]
    fn the_withdraw_url_names_the_row_as_encode_uri_component_does() {
        let c = Contact {
            url: "https://www.linkedin.com/in/mar\u{ed}a-garc\u{ed}a_1/".into(),
            ..Contact::new("linkedin.com/in/mar\u{ed}a-garc\u{ed}a_1")
        };
        // encodeURIComponent("https://www.linkedin.com/in/maría-garcía_1/")
        assert_eq!(
            withdraw_url(&c),
            "https://www.linkedin.com/mynetwork/invitation-manager/sent/#rapport-withdraw=\
             https%3A%2F%2Fwww.linkedin.com%2Fin%2Fmar%C3%ADa-garc%C3%ADa_1%2F"
        );
    }
}
