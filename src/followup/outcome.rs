//! What became of an invitation, from what the person's own LinkedIn pages show.
//!
//! The content scripts report [`Observation`]s from pages the person visits anyway
//! (never crawling, never clicking): a profile's top card, a row of the
//! sent-invitations page, an "accepted your invitation" notification, a recently
//! added connection, a row gone after the person clicked Withdraw, a message sent.
//! [`observe`] folds one into the contact.
//!
//! **Order does not matter.** For one invitation the statuses rank `pending` <
//! `expired` < `withdrawn` < `accepted`: an observation only ever raises the status,
//! and `status_at` is the earliest time the final status was seen. So observations
//! are idempotent and may arrive in any order (a late "Pending" never undoes
//! "accepted"). Only evidence of a *new* invitation starts over at `pending`: a
//! sent-invitations row dated after a withdrawal, or a "Pending" top card more than
//! [`RESEND_BLOCK_DAYS`] after it (LinkedIn blocks re-inviting before then).
//!
//! **Expiry** is not something LinkedIn shows: an invitation pending for
//! `Settings::expire_days` counts as not accepted. [`outcome`] applies it on reading,
//! [`expire_pending`] writes it down (so exports say `expired`; a longer limit set
//! later does not revive what was written). An acceptance seen later still wins.

use serde::{Deserialize, Serialize};

use super::cadence::record_interaction;
use super::reldate::{parse_relative, TimeRange};
use super::time::{DAY_MS, MAX_TIME};
use super::url::{normalize_profile_url, UrlError};
use super::{Contact, Invitation, Settings, SCHEMA_VERSION};

/// After a withdrawal LinkedIn blocks re-inviting the same person "for up to three
/// weeks" (LinkedIn Help a551012; linkedin.md).
pub const RESEND_BLOCK_DAYS: u32 = 21;

/// What became of an invitation. Declared in rank order (see the module doc).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InviteStatus {
    /// Sent, no answer yet.
    Pending,
    /// Pending longer than the settings' `expire_days`: counted as not accepted.
    Expired,
    /// Withdrawn (by the person, or gone from LinkedIn before it was accepted).
    Withdrawn,
    /// They accepted: now a 1st-degree connection.
    Accepted,
}

/// Something a content script saw about one person. JSON:
/// `{ "url": "...", "name"?: "...", "headline"?: "...", "kind": "...", ... }`, the
/// fields after `kind` as in [`Seen`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "FlatObservation")]
pub struct Observation {
    /// Any form of the profile URL (see [`normalize_profile_url`]).
    pub url: String,
    /// The name as shown, when the page shows it; blank keeps the stored one.
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub headline: Option<String>,
    #[serde(flatten)]
    pub seen: Seen,
}

/// An [`Observation`] as it arrives: every field of every kind side by side. Reading it
/// flat and then by `kind` spares the engine serde's buffering of a flattened tagged
/// enum (13 KB of wasm); the JSON is the same.
#[derive(Deserialize)]
struct FlatObservation {
    url: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    headline: Option<String>,
    kind: String,
    #[serde(default)]
    state: Option<TopCard>,
    #[serde(default)]
    sent: String,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    when: Option<String>,
}

impl TryFrom<FlatObservation> for Observation {
    type Error = String;
    fn try_from(f: FlatObservation) -> Result<Self, String> {
        let seen = match f.kind.as_str() {
            "top_card" => Seen::TopCard {
                state: f.state.ok_or("missing field `state`")?,
            },
            "sent_row" => Seen::SentRow {
                sent: f.sent,
                note: f.note,
            },
            "accepted" => Seen::Accepted { when: f.when },
            "connection" => Seen::Connection { when: f.when },
            "withdrawn" => Seen::Withdrawn,
            "message_sent" => Seen::MessageSent,
            other => return Err(format!("unknown kind `{other}`")),
        };
        Ok(Observation {
            url: f.url,
            name: f.name,
            headline: f.headline,
            seen,
        })
    }
}

/// What was seen, by `kind`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Seen {
    /// The profile's top card: `{"kind": "top_card", "state": "pending" | "connected" | "connect"}`.
    TopCard { state: TopCard },
    /// A row of the sent-invitations page: `{"kind": "sent_row", "sent": "Sent 3 weeks
    /// ago", "note"?: "<the note the row shows>"}`. An unknown person is recorded (an
    /// invitation sent before Rapport was installed, or from another device).
    SentRow {
        #[serde(default)]
        sent: String,
        #[serde(default)]
        note: Option<String>,
    },
    /// "<Name> accepted your invitation" (notifications, My Network):
    /// `{"kind": "accepted", "when"?: "3d"}`.
    Accepted {
        #[serde(default)]
        when: Option<String>,
    },
    /// A recently added connection: `{"kind": "connection", "when"?: "Connected 2 days
    /// ago"}`. Only for people Rapport knows (the list also holds people who invited you).
    Connection {
        #[serde(default)]
        when: Option<String>,
    },
    /// A sent-invitations row that disappeared after the person clicked Withdraw and
    /// confirmed: `{"kind": "withdrawn"}`. A row missing for no seen reason proves
    /// nothing (accepted invitations leave the list too) and must not be reported.
    Withdrawn,
    /// The person sent this contact a message: `{"kind": "message_sent"}`.
    MessageSent,
}

/// The state of the invitation button row on a profile's top card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TopCard {
    /// "Pending, click to withdraw invitation sent to <Name>".
    Pending,
    /// The visible degree is "1st".
    Connected,
    /// "Invite <Name> to connect" and not 1st degree: no invitation is pending.
    Connect,
}

/// Folds `obs`, seen at `now`, into the stored contact (`existing`, or `None` when
/// none is stored for that profile). Returns the contact to store, or `None` when
/// nothing changed (or the observation is about a person Rapport does not follow,
/// such as a new connection it never invited).
///
/// Errors when the URL is not a profile, or names a different contact than `existing`.
pub fn observe(
    existing: Option<Contact>,
    obs: &Observation,
    now: i64,
    settings: &Settings,
) -> Result<Option<Contact>, UrlError> {
    let key = normalize_profile_url(&obs.url)?;
    if let Some(c) = &existing {
        if c.key != key {
            return Err(UrlError::KeyMismatch {
                expected: c.key.clone(),
                found: key,
            });
        }
    }
    let now = now.clamp(0, MAX_TIME);
    // Only these may introduce a person: they prove an invitation was sent.
    let introduces = matches!(
        obs.seen,
        Seen::SentRow { .. }
            | Seen::Accepted { .. }
            | Seen::TopCard {
                state: TopCard::Pending
            }
    );
    let before = existing.clone();
    let c = match existing {
        Some(c) => c,
        None if introduces => Contact::new(&key),
        None => return Ok(None),
    };
    let person = Invitation {
        url: obs.url.clone(),
        name: obs.name.clone(),
        headline: obs.headline.clone(),
        ..Invitation::default()
    };
    let c = c.with_person(&person);
    let when = |text: &Option<String>| text.as_deref().and_then(|t| parse_relative(t, now));
    let next = match &obs.seen {
        Seen::TopCard {
            state: TopCard::Pending,
        } => pending(c, None, None, now),
        Seen::SentRow { sent, note } => pending(c, parse_relative(sent, now), note.as_deref(), now),
        Seen::TopCard {
            state: TopCard::Connected,
        } => accepted(c, None, now),
        Seen::Accepted { when: w } | Seen::Connection { when: w } => accepted(c, when(w), now),
        Seen::TopCard {
            state: TopCard::Connect,
        } => ended(c, now, settings),
        Seen::Withdrawn => raise(c, InviteStatus::Withdrawn, now),
        Seen::MessageSent => record_interaction(c, now, now),
    };
    // Compared and stored with the old merge clock, moved forward once if it changed.
    let next = Contact {
        updated: before.as_ref().map_or(0, |b| b.updated),
        ..next
    };
    if before.as_ref() == Some(&next) {
        return Ok(None);
    }
    Ok(Some(
        Contact {
            schema: SCHEMA_VERSION,
            ..next
        }
        .touch(now),
    ))
}

/// Raises the status to `status` seen at `at` (never lowers it); the same status keeps
/// the earliest time.
fn raise(mut c: Contact, status: InviteStatus, at: i64) -> Contact {
    match c.status {
        Some(cur) if cur > status => {}
        Some(cur) if cur == status => c.status_at = Some(c.status_at.map_or(at, |t| t.min(at))),
        _ => {
            c.status = Some(status);
            c.status_at = Some(at);
        }
    }
    c
}

/// Accepted, at the earliest time the evidence allows (the page's age, not before the
/// invitation, not after `now`).
fn accepted(c: Contact, evidence: Option<TimeRange>, now: i64) -> Contact {
    let at = evidence.map_or(now, |r| r.latest.min(now));
    let at = c.invited_at.map_or(at, |t| at.max(t.min(now)));
    raise(c, InviteStatus::Accepted, at)
}

/// An invitation seen pending (its send time in `sent`, when the page gave one).
fn pending(mut c: Contact, sent: Option<TimeRange>, note: Option<&str>, now: i64) -> Contact {
    let new_invitation = match (c.status, c.status_at) {
        (Some(InviteStatus::Withdrawn), Some(gone)) => match sent {
            Some(r) => r.earliest > gone,
            None => now >= gone.saturating_add(i64::from(RESEND_BLOCK_DAYS) * DAY_MS),
        },
        (Some(InviteStatus::Expired), _) => {
            matches!((sent, c.invited_at), (Some(r), Some(t)) if r.earliest > t)
        }
        _ => false,
    };
    let unknown_invitation = c.invited_at.is_none() && c.status.is_none();
    if new_invitation || unknown_invitation {
        c.note_sent = note
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(String::from);
        c.note_score = None;
        c.invited_at = sent.map(|r| r.latest);
        if new_invitation && c.invited_at.is_none() {
            c.invited_at = Some(now);
        }
        c.status = Some(InviteStatus::Pending);
        c.status_at = Some(c.invited_at.unwrap_or(now).min(now));
        return c;
    }
    if c.status > Some(InviteStatus::Pending) {
        return c;
    }
    // The latest send time consistent with every row seen: the ranges' intersection.
    if let Some(r) = sent {
        c.invited_at = Some(c.invited_at.map_or(r.latest, |t| t.min(r.latest)));
    }
    let first_seen = c.invited_at.unwrap_or(now).min(now);
    raise(c, InviteStatus::Pending, first_seen)
}

/// "Connect" again on the top card: the invitation no longer stands. Seen after the
/// expiry limit it had expired, before it it was withdrawn; decided by the times
/// alone, so that the order of observations does not matter.
fn ended(c: Contact, now: i64, settings: &Settings) -> Contact {
    if c.status.is_none() && c.invited_at.is_none() {
        return c; // no invitation known: nothing ended
    }
    match expires_at(&c, settings) {
        Some(t) if now >= t => raise(c, InviteStatus::Expired, t),
        _ => raise(c, InviteStatus::Withdrawn, now),
    }
}

/// When a pending invitation of `c` expires under `settings` (`None`: never, or its
/// send time is unknown).
pub(super) fn expires_at(c: &Contact, settings: &Settings) -> Option<i64> {
    if settings.expire_days == 0 {
        return None;
    }
    let days = i64::from(settings.expire_days.min(super::MAX_DAYS)) * DAY_MS;
    c.invited_at.map(|t| t.saturating_add(days).min(MAX_TIME))
}

/// The contact's invitation status at `now`: the stored one, with a pending invitation
/// past `expire_days` read as expired. Contacts from before schema 2 with an
/// invitation and no status are pending. `None`: no invitation is known.
pub fn outcome(c: &Contact, now: i64, settings: &Settings) -> Option<InviteStatus> {
    match c.status.or(c.invited_at.map(|_| InviteStatus::Pending)) {
        Some(InviteStatus::Pending) if expires_at(c, settings).is_some_and(|t| now >= t) => {
            Some(InviteStatus::Expired)
        }
        s => s,
    }
}

/// The contacts whose pending invitation has expired by `now`, with `status`
/// `expired` written down (`status_at` the moment it expired). Store what it returns.
pub fn expire_pending(contacts: &[Contact], now: i64, settings: &Settings) -> Vec<Contact> {
    contacts
        .iter()
        .filter(|c| c.status.is_none_or(|s| s == InviteStatus::Pending))
        .filter(|c| outcome(c, now, settings) == Some(InviteStatus::Expired))
        .map(|c| {
            let at = expires_at(c, settings).unwrap_or(now);
            Contact {
                status: Some(InviteStatus::Expired),
                status_at: Some(at),
                schema: SCHEMA_VERSION,
                ..c.clone()
            }
            .touch(now)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::tests::{invite, recorded, T0};
    use super::super::*;
    use super::*;

    const URL: &str = "https://www.linkedin.com/in/ana-lima/";

    fn seen(seen: Seen) -> Observation {
        Observation {
            url: URL.into(),
            name: "Ana Lima".into(),
            headline: None,
            seen,
        }
    }

    fn top(state: TopCard) -> Observation {
        seen(Seen::TopCard { state })
    }

    fn row(sent: &str) -> Observation {
        seen(Seen::SentRow {
            sent: sent.into(),
            note: None,
        })
    }

    fn accepted_note(when: Option<&str>) -> Observation {
        seen(Seen::Accepted {
            when: when.map(String::from),
        })
    }

    /// Applies observations in order at the given times; the last stored contact.
    fn run(start: Option<Contact>, steps: &[(&Observation, i64)]) -> Option<Contact> {
        let s = Settings::default();
        steps.iter().fold(start, |c, (o, at)| {
            observe(c.clone(), o, *at, &s).unwrap().or(c)
        })
    }

    fn sent() -> Contact {
        recorded("ana-lima", "Ana Lima", Some("Hi Ana, loved your talk"), T0)
    }

    #[test]
    fn recording_an_invitation_makes_it_pending_with_the_note_score() {
        let c = sent();
        assert_eq!(c.status, Some(InviteStatus::Pending));
        assert_eq!(c.status_at, Some(T0));
        assert!(c.note_score.is_some_and(|s| s <= 100));
        let blank = recorded("b", "B", None, T0);
        assert_eq!(
            (blank.note_score, blank.status),
            (None, Some(InviteStatus::Pending))
        );
    }

    #[test]
    fn acceptance_from_each_page() {
        let day = |d: i64| T0 + d * DAY_MS;
        let c = run(Some(sent()), &[(&top(TopCard::Connected), day(3))]).unwrap();
        assert_eq!(
            (c.status, c.status_at),
            (Some(InviteStatus::Accepted), Some(day(3)))
        );
        assert_eq!(c.updated, day(3));
        // "3d" seen on day 5: accepted by day 2.5 at the latest.
        let c = run(Some(sent()), &[(&accepted_note(Some("3d")), day(5))]).unwrap();
        assert_eq!(c.status_at, Some(day(5) - 5 * DAY_MS / 2));
        // Evidence older than the invitation is clamped to it.
        let c = run(
            Some(sent()),
            &[(&accepted_note(Some("3 weeks ago")), day(1))],
        )
        .unwrap();
        assert_eq!(c.status_at, Some(T0));
        let conn = seen(Seen::Connection {
            when: Some("Connected 1 day ago".into()),
        });
        let c = run(Some(sent()), &[(&conn, day(4))]).unwrap();
        assert_eq!(c.status, Some(InviteStatus::Accepted));
    }

    #[test]
    fn a_later_pending_never_undoes_accepted_and_repeats_change_nothing() {
        let s = Settings::default();
        let acc = observe(Some(sent()), &top(TopCard::Connected), T0 + DAY_MS, &s)
            .unwrap()
            .unwrap();
        for o in [
            top(TopCard::Pending),
            row("Sent 1 week ago"),
            top(TopCard::Connected),
            top(TopCard::Connect),
            seen(Seen::Withdrawn),
        ] {
            assert_eq!(
                observe(Some(acc.clone()), &o, T0 + 2 * DAY_MS, &s).unwrap(),
                None,
                "{o:?}"
            );
        }
        let again = observe(Some(sent()), &top(TopCard::Pending), T0 + DAY_MS, &s).unwrap();
        assert_eq!(
            again, None,
            "pending on a pending invitation changes nothing"
        );
    }

    #[test]
    fn any_order_ends_in_the_same_state() {
        let d = |n: i64| T0 + n * DAY_MS;
        let obs = [
            (top(TopCard::Pending), d(1)),
            (row("Sent 1 week ago"), d(8)),
            (accepted_note(Some("2d")), d(12)),
            (top(TopCard::Connected), d(11)),
            (top(TopCard::Pending), d(9)),
        ];
        let strip = |c: Contact| Contact { updated: 0, ..c };
        let forward: Vec<(&Observation, i64)> = obs.iter().map(|(o, t)| (o, *t)).collect();
        let want = strip(run(Some(sent()), &forward).unwrap());
        assert_eq!(want.status, Some(InviteStatus::Accepted));
        assert_eq!(want.status_at, Some(d(12) - 3 * DAY_MS / 2));
        let mut order: Vec<usize> = (0..obs.len()).collect();
        for k in 0..40 {
            order.rotate_left(1 + k % 3);
            order.swap(k % obs.len(), (k * 7 + 1) % obs.len());
            let steps: Vec<(&Observation, i64)> =
                order.iter().map(|&i| (&obs[i].0, obs[i].1)).collect();
            assert_eq!(strip(run(Some(sent()), &steps).unwrap()), want, "{order:?}");
        }
    }

    #[test]
    fn invitations_sent_before_rapport_are_recorded_from_the_sent_page() {
        let now = T0 + 30 * DAY_MS;
        let c = run(None, &[(&row("Sent 3 weeks ago"), now)]).unwrap();
        assert_eq!(c.key, "linkedin.com/in/ana-lima");
        assert_eq!(c.name, "Ana Lima");
        assert_eq!((c.note_sent.clone(), c.note_score), (None, None));
        assert_eq!(c.status, Some(InviteStatus::Pending));
        assert_eq!(
            c.invited_at,
            Some(now - 35 * DAY_MS / 2),
            "the latest it can have been"
        );
        assert_eq!(c.follow_up_at, None, "nothing scheduled");
        // Seen again a week later as "Sent 1 month ago": the ranges narrow it down.
        let later = run(
            Some(c.clone()),
            &[(&row("Sent 1 month ago"), now + 7 * DAY_MS)],
        );
        assert_eq!(
            later,
            Some(c),
            "nothing new: the first row was the tighter bound"
        );
        let with_note = seen(Seen::SentRow {
            sent: "Sent today".into(),
            note: Some("  Hi Ana, great panel  ".into()),
        });
        let c = run(None, &[(&with_note, now)]).unwrap();
        assert_eq!(c.note_sent.as_deref(), Some("Hi Ana, great panel"));
        assert_eq!(c.note_score, None, "not sent through Rapport: no score");
        assert!(c.has_note());
    }

    #[test]
    fn people_rapport_does_not_follow_are_left_alone() {
        let s = Settings::default();
        for o in [
            top(TopCard::Connected),
            top(TopCard::Connect),
            seen(Seen::Connection { when: None }),
            seen(Seen::Withdrawn),
            seen(Seen::MessageSent),
        ] {
            assert_eq!(observe(None, &o, T0, &s).unwrap(), None, "{o:?}");
        }
        // An acceptance proves an invitation: recorded.
        let c = observe(None, &accepted_note(None), T0, &s)
            .unwrap()
            .unwrap();
        assert_eq!(c.status, Some(InviteStatus::Accepted));
        // A remembered person showing "Connect" has no invitation to end.
        let p = remember_contact(None, &invite(URL, "Ana Lima", None), T0).unwrap();
        assert_eq!(
            observe(Some(p), &top(TopCard::Connect), T0, &s).unwrap(),
            None
        );
    }

    #[test]
    fn bad_urls_and_other_contacts_are_refused() {
        let s = Settings::default();
        let mut o = top(TopCard::Connected);
        o.url = "https://example.com/in/x".into();
        assert!(observe(None, &o, T0, &s).is_err());
        o.url = "https://www.linkedin.com/in/someone-else".into();
        assert!(matches!(
            observe(Some(sent()), &o, T0, &s),
            Err(UrlError::KeyMismatch { .. })
        ));
    }

    #[test]
    fn withdrawal_and_connect_again() {
        let d = |n: i64| T0 + n * DAY_MS;
        let c = run(Some(sent()), &[(&seen(Seen::Withdrawn), d(10))]).unwrap();
        assert_eq!(
            (c.status, c.status_at),
            (Some(InviteStatus::Withdrawn), Some(d(10)))
        );
        // "Connect" on the top card of a pending invitation: withdrawn (elsewhere) ...
        let c2 = run(Some(sent()), &[(&top(TopCard::Connect), d(10))]).unwrap();
        assert_eq!(c2.status, Some(InviteStatus::Withdrawn));
        // ... or expired once past the limit (21 days).
        let c3 = run(Some(sent()), &[(&top(TopCard::Connect), d(40))]).unwrap();
        assert_eq!(
            (c3.status, c3.status_at),
            (Some(InviteStatus::Expired), Some(d(21)))
        );
        // A stale "Pending" within LinkedIn's three-week block is not a new invitation.
        assert_eq!(
            run(Some(c.clone()), &[(&top(TopCard::Pending), d(20))]),
            Some(c.clone())
        );
        // After it, it is one (sent from another device): pending again, no note.
        let again = run(Some(c.clone()), &[(&top(TopCard::Pending), d(32))]).unwrap();
        assert_eq!(
            (again.status, again.invited_at, again.note_sent.clone()),
            (Some(InviteStatus::Pending), Some(d(32)), None)
        );
        // A sent row dated after the withdrawal is a new invitation too.
        let row_new = run(Some(c.clone()), &[(&row("Sent 2 days ago"), d(20))]).unwrap();
        assert_eq!(row_new.status, Some(InviteStatus::Pending));
        assert_eq!(row_new.invited_at, Some(d(20) - 3 * DAY_MS / 2));
        // A row from before it is the old invitation: nothing changes.
        assert_eq!(
            run(Some(c.clone()), &[(&row("Sent 2 weeks ago"), d(12))]),
            Some(c)
        );
    }

    #[test]
    fn expiry_is_read_on_the_fly_and_written_by_expire_pending() {
        let s = Settings::default();
        let c = sent();
        assert_eq!(
            outcome(&c, T0 + 20 * DAY_MS, &s),
            Some(InviteStatus::Pending)
        );
        assert_eq!(
            outcome(&c, T0 + 21 * DAY_MS, &s),
            Some(InviteStatus::Expired)
        );
        let never = Settings {
            expire_days: 0,
            ..Settings::default()
        };
        assert_eq!(
            outcome(&c, T0 + 999 * DAY_MS, &never),
            Some(InviteStatus::Pending)
        );
        let legacy = Contact {
            status: None,
            status_at: None,
            ..c.clone()
        };
        assert_eq!(outcome(&legacy, T0, &s), Some(InviteStatus::Pending));
        let remembered = remember_contact(None, &invite(URL, "Ana", None), T0).unwrap();
        assert_eq!(outcome(&remembered, T0 + 99 * DAY_MS, &s), None);

        let accepted = run(Some(recorded("b", "B", None, T0)), &[]).unwrap();
        let accepted = Contact {
            status: Some(InviteStatus::Accepted),
            ..accepted
        };
        let all = vec![c.clone(), legacy, remembered, accepted];
        assert!(expire_pending(&all, T0 + 20 * DAY_MS, &s).is_empty());
        let gone = expire_pending(&all, T0 + 30 * DAY_MS, &s);
        assert_eq!(gone.len(), 2, "the recorded and the legacy invitation");
        assert!(gone.iter().all(|g| g.status == Some(InviteStatus::Expired)
            && g.status_at == Some(T0 + 21 * DAY_MS)
            && g.updated == T0 + 30 * DAY_MS));
        assert!(
            expire_pending(&gone, T0 + 40 * DAY_MS, &s).is_empty(),
            "idempotent"
        );
        // An acceptance seen after expiry wins.
        let late = run(
            Some(gone[0].clone()),
            &[(&top(TopCard::Connected), T0 + 35 * DAY_MS)],
        );
        assert_eq!(late.unwrap().status, Some(InviteStatus::Accepted));
    }

    #[test]
    fn a_message_sent_is_an_interaction() {
        let c = run(Some(sent()), &[(&seen(Seen::MessageSent), T0 + 3 * DAY_MS)]).unwrap();
        assert_eq!(c.last_interaction_at, Some(T0 + 3 * DAY_MS));
        assert_eq!(c.updated, T0 + 3 * DAY_MS);
    }

    #[test]
    fn observation_json_shape() {
        let o: Observation = serde_json::from_str(
            r#"{"url": "/in/ana-lima", "kind": "sent_row", "sent": "Sent 2 weeks ago"}"#,
        )
        .unwrap();
        assert_eq!(
            o.seen,
            Seen::SentRow {
                sent: "Sent 2 weeks ago".into(),
                note: None
            }
        );
        let o: Observation =
            serde_json::from_str(r#"{"url": "x", "kind": "top_card", "state": "connected"}"#)
                .unwrap();
        assert_eq!(
            o.seen,
            Seen::TopCard {
                state: TopCard::Connected
            }
        );
        let o: Observation = serde_json::from_str(r#"{"url": "x", "kind": "withdrawn"}"#).unwrap();
        assert_eq!(o.seen, Seen::Withdrawn);
        for bad in [
            r#"{"url": "x"}"#,
            r#"{"url": "x", "kind": "declined"}"#,
            r#"{"url": "x", "kind": "top_card", "state": "maybe"}"#,
            r#"{"kind": "withdrawn"}"#,
        ] {
            assert!(serde_json::from_str::<Observation>(bad).is_err(), "{bad}");
        }
        assert_eq!(
            serde_json::to_value(InviteStatus::Accepted).unwrap(),
            serde_json::json!("accepted")
        );
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::super::tests::{recorded, T0};
    use super::*;
    use proptest::prelude::*;

    /// Observations of one invitation sent at T0, seen within 20 days (before
    /// LinkedIn's re-invite block ends, so none is a new invitation).
    fn observation() -> impl Strategy<Value = (Observation, i64)> {
        let seen = prop_oneof![
            Just(Seen::TopCard {
                state: TopCard::Pending
            }),
            Just(Seen::TopCard {
                state: TopCard::Connected
            }),
            Just(Seen::TopCard {
                state: TopCard::Connect
            }),
            Just(Seen::SentRow {
                sent: String::new(),
                note: None
            }),
            (0u32..4).prop_map(|d| Seen::Accepted {
                when: Some(format!("{d}d"))
            }),
            Just(Seen::Connection { when: None }),
            Just(Seen::Withdrawn),
        ];
        (seen, 0i64..20 * DAY_MS).prop_map(|(seen, dt)| {
            let seen = match seen {
                // The row's age, as LinkedIn would show it for the invitation at T0.
                Seen::SentRow { .. } => Seen::SentRow {
                    sent: format!("Sent {} days ago", dt / DAY_MS),
                    note: None,
                },
                s => s,
            };
            let url = "https://www.linkedin.com/in/a/".to_string();
            (
                Observation {
                    url,
                    name: String::new(),
                    headline: None,
                    seen,
                },
                T0 + dt,
            )
        })
    }

    proptest! {
        #[test]
        fn observations_commute_and_repeat_harmlessly(
            obs in proptest::collection::vec(observation(), 1..8),
            expire_days in prop_oneof![Just(0u32), 5u32..30],
            seed in any::<u64>(),
        ) {
            let s = Settings { expire_days, ..Settings::default() };
            let run = |order: &[(Observation, i64)]| {
                order.iter().fold(recorded("a", "A", Some("Hi A, a real note"), T0), |c, (o, at)| {
                    observe(Some(c.clone()), o, *at, &s).unwrap().unwrap_or(c)
                })
            };
            let strip = |c: Contact| Contact { updated: 0, ..c };
            let want = strip(run(&obs));
            let mut shuffled = obs.clone();
            let mut x = seed | 1;
            for i in (1..shuffled.len()).rev() {
                x ^= x << 13; x ^= x >> 7; x ^= x << 17;
                shuffled.swap(i, (x % (i as u64 + 1)) as usize);
            }
            prop_assert_eq!(strip(run(&shuffled)), want.clone());
            let twice: Vec<_> = obs.iter().chain(obs.iter()).cloned().collect();
            prop_assert_eq!(strip(run(&twice)), want);
        }
    }
}
