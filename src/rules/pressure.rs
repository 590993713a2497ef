//! `pressure`: urgency, orders and guilt aimed at someone who owes the sender
//! nothing: "ASAP", "urgent(ly)", "you need to", "you must", "please accept and
//! I'll...", "don't miss", "last chance", "reply by Friday", "before the quarter
//! closes", "I'll keep following up", "following up again on my request", "just
//! bumping this", "I've messaged you several times", "my
//! voicemail yesterday", "still waiting", "surely you can spare", a favour with a
//! deadline ("could you send comments before Monday?"), blame or a grievance ("still
//! bitter about how it was handled"), an old favour held over them ("you never even said
//! thank you"), a meeting taken for granted by a stranger ("When can we chat?"), a threat
//! ("fix it this week or I'll post about it").
//!
//! **Why it matters.** The seeds ask you to respect others' boundaries: understand
//! when someone is too busy, be respectful of their time, handle non-replies
//! "gracefully and professionally". Pressure does the opposite; from a stranger it
//! reads as spam or entitlement, and a guilt trip makes a polite "no" the easiest answer.
//! The score is capped at 35 while it fires.
//!
//! **Example.** `Hi Sarah, I've messaged you several times. Please reply ASAP.`
//! **Fix**: a removable urgency word goes (`Please reply.`, and "URGENT:" at the start
//! of a sentence); orders and guilt need rewording, so they get no mechanical fix:
//! `Hi Sarah, in case my last note got buried: would you be open to comparing notes on wasm tooling? No rush.`

use super::{Cx, Rule};
use crate::edits::{remove, Cut};
use crate::lang::en::HURRY_WORDS;
use crate::report::{Category, Finding, Severity};
use crate::signals::pressure::{find, Push};
use crate::text::{Doc, Hit};

pub struct Pressure;

/// The span of the urgency word at the end of a "reply ASAP"-style hit.
fn hurry_span(doc: &Doc, hit: &Hit) -> (usize, usize) {
    for w in HURRY_WORDS.iter() {
        let n = w.split(' ').count();
        if hit.end_token - hit.first_token >= n {
            let first = hit.end_token - n;
            let words: Vec<&str> = doc.tokens[first..hit.end_token]
                .iter()
                .map(|t| t.norm.as_str())
                .collect();
            if words.join(" ") == *w {
                return (doc.tokens[first].start, hit.end);
            }
        }
    }
    (hit.start, hit.end)
}

/// How many findings the rule reports on `doc` between people who share no past.
fn count(doc: &Doc) -> usize {
    let found = find(doc);
    let shaped = crate::signals::guilt::detect(doc)
        .into_iter()
        .filter(|(s, _)| {
            !found
                .iter()
                .any(|(h, _)| h.start < s.end && s.start < h.end)
        })
        .count();
    shaped + found.len()
}

fn message(push: Push, shown: &str) -> String {
    match push {
        Push::Hurry | Push::Urgent => format!("“{shown}” pressures someone who owes you nothing. Let them answer at their own pace; respecting their time is what earns a reply."),
        Push::Order => format!("“{shown}” tells a stranger what to do. Say what you'd like to share and why it matters to them, and let them decide."),
        Push::Deadline => format!("“{shown}” is a pressure tactic, and strangers read it as spam. Cut it, and say who you are and why you're writing to them."),
        Push::Guilt => format!("“{shown}” can make them feel guilty, and they don't owe you a reply. Follow up once, lightly, or let it go."),
        Push::Presume => format!("“{shown}” takes their yes for granted. Ask whether they'd be open to it, and make it easy to say no."),
        Push::Threat => format!("“{shown}” turns the note into a threat, and nobody accepts one. If something went wrong, say what happened and ask plainly how it can be put right."),
    }
}

impl Rule for Pressure {
    fn id(&self) -> &'static str {
        "pressure"
    }
    fn category(&self) -> Category {
        Category::Respect
    }
    fn penalty(&self) -> u8 {
        8
    }
    /// Pressure on someone who owes the sender nothing makes the note a bad one,
    /// however personal the rest: capped like a pitch or an entitled ask.
    fn cap(&self, _cx: &Cx) -> Option<u8> {
        Some(35)
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        let greeting_end = cx.signals.greeting_end();
        let found = find(doc);
        let first = out.len();
        // Orders under a phrase found here ("Please accept right away and share"): the
        // phrase's fix would leave the order, so it gets none.
        let mut orders = Vec::new();
        // Guilt and orders by the shape of their sentence, where no phrase matched those
        // words. Not the whole sentence: a fix that removes "ASAP" from "ASAP, I've booked
        // you in" would leave the order to be found only then.
        for (span, guilt) in crate::signals::guilt::detect(doc) {
            if found
                .iter()
                .any(|(h, _)| h.start < span.end && span.start < h.end)
            {
                if guilt == crate::signals::guilt::Guilt::Order {
                    orders.push(span);
                }
                continue;
            }
            let message = match guilt {
                crate::signals::guilt::Guilt::Complaint => "Mentioning requests they didn't answer makes a polite “no” the easiest reply. Give them a fresh reason to connect instead.",
                crate::signals::guilt::Guilt::Order => "Telling a stranger to accept, booking their time or putting a deadline on a favour reads as pressure; give them a reason and let them choose.",
                crate::signals::guilt::Guilt::Grievance => "Blame or a grievance makes a polite “no” the easiest reply. If you want something from them, such as feedback, ask for it plainly.",
                crate::signals::guilt::Guilt::Plea => "Asking them to bend their own rule for you is pressure; a reason to connect does more.",
            };
            out.push(cx.finding(self, Severity::Warning, span.start, span.end, message, None));
        }
        // Between people who share a past, "when can we catch up?" is no pressure (the
        // question's own "we talk" is no past).
        let shared = |h: &Hit| {
            cx.signals
                .shared_past
                .is_some_and(|s| s.end <= h.start || s.start >= h.end)
        };
        // What this check reports, as [`count`] would find it, from what it has read.
        let reported = out.len() - first
            + found
                .iter()
                .filter(|(h, p)| !(*p == Push::Presume && shared(h)))
                .count();
        for (hit, push) in found {
            if push == Push::Presume && shared(&hit) {
                continue;
            }
            let shown = &doc.text[hit.start..hit.end];
            let message = message(push, shown);
            let edit = match push {
                Push::Hurry
                    if !orders
                        .iter()
                        .any(|o| o.start < hit.end && hit.start < o.end) =>
                {
                    let (s, e) = hurry_span(doc, &hit);
                    // Only if the rest pushes less, read as between strangers: "Kindly
                    // reply urgently today" without "urgently" sets a deadline.
                    remove(doc.text, s, e, greeting_end, Cut::Word).filter(|e| {
                        let mut rest = doc.text.to_string();
                        rest.replace_range(e.start..e.end, &e.text);
                        count(&Doc::new(&rest)) < reported
                    })
                }
                // "URGENT: ..." at the start of a sentence is a label that can go.
                Push::Urgent if doc.text[hit.end..].starts_with([':', '!']) => {
                    remove(doc.text, hit.start, hit.end, greeting_end, Cut::Clause)
                        .filter(|e| e.start <= hit.start)
                }
                _ => None,
            };
            match edit {
                Some(e) => out.push(cx.finding(
                    self,
                    Severity::Warning,
                    e.start,
                    e.end,
                    message,
                    Some(e.text),
                )),
                None => {
                    out.push(cx.finding(self, Severity::Warning, hit.start, hit.end, message, None))
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;

    const ID: &str = "pressure";

    #[test]
    fn fires_on_pressure() {
        fires(
            ID,
            "I tagged you in 4 posts and messaged twice, still nothing.",
        );
        fires(ID, "I applied to 14 roles at Akala and got nothing back.");
        // Persistence announced until they give in.
        fires(
            ID,
            "I know you're busy, but I'll keep following up until we find a time.",
        );
        fires(
            ID,
            "No pressure, but I'll keep sending requests until you accept.",
        );
        fires(ID, "When can we lock in a date for the workshop?");
        fires(
            ID,
            "Guess you were too busy to answer my last two messages, but let's try again here.",
        );
        fires(
            ID,
            "Hi Burak, the address autofill breaks on 'Mah.'. Fix it this week or I'll post about it everywhere.",
        );
        fires(
            ID,
            "You have 48 hours to explain the spill numbers, or we will tag you in every post.",
        );
        fires(
            ID,
            "Following up on my email from Monday and my voicemail yesterday.",
        );
        fires(
            ID,
            "Paolo, would you give us a quote for our piece on heat waves? Need it today.",
        );
        fires(
            ID,
            "Maya, I still think it was unfair that you got the credit for the checkout redesign.",
        );
        fires(
            ID,
            "Liam, you interviewed me last month. Your process is broken and I'd like to know why.",
        );
        fires(
            ID,
            "Keen to meet before the quarter closes, so please accept and I'll send a few times.",
        );
        // Despair laid on them.
        fires(
            ID,
            "Dr Morales, you are my last hope. If you don't help me I don't know what I'll do.",
        );
        fires(
            ID,
            "Three volunteers dropped out, so I really need you there at 8am. Please don't let us down.",
        );
        fires(
            ID,
            "Hi Sven, your post against microservices for small teams is frankly outdated thinking.",
        );
        // An order to connect.
        fires(
            ID,
            "Grace, connect with me. I'm a keynote speaker and I want to speak at your next event.",
        );
        fires(
            ID,
            "I post daily about ML. Connect with me to level up your career.",
        );
        // Scarcity, and a choice of times that takes the meeting for granted.
        fires(
            ID,
            "Hi Kevin, I have two slots left this week for a strategy session. Which one works?",
        );
        fires(
            ID,
            "Hi Hannah, I'm free Tuesday or Thursday. Let me know which slots work.",
        );
        silent(ID, "Hi Kevin, loved the slot you did at the Leeds meetup.");
        silent(ID, "Please accept my thanks for the talk, it helped a lot.");
        // A yes taken for granted, from a stranger; not between people who share a past.
        fires(
            ID,
            "Hi William, I'd love to guest lecture in your class. When can we talk?",
        );
        fires(
            ID,
            "Hi Grace, I just need $25k to keep my company alive. Can we talk today?",
        );
        silent(
            ID,
            "Tom, we worked together on the Leeds bid in 2019! When are you free for a pint?",
        );
        silent(
            ID,
            "Hi William, would you be open to a short call about your class?",
        );
        fires(ID, "Hi Sarah, please reply ASAP.");
        fires(ID, "I urgently need your advice on my startup.");
        fires(ID, "You need to see our new tool.");
        fires(ID, "Don't miss this, it's your last chance.");
        fires(
            ID,
            "Slots are filling super fast so I need a yes by Friday.",
        );
        fires(ID, "We move fast, so decide today.");
        fires(ID, "We're offering a free audit this month only.");
        fires(
            ID,
            "Obinna, I helped you with your final year project and you never even said thank you.",
        );
        fires(
            ID,
            "My son needs an internship at Orange. I know you won't let us down.",
        );
        fires(ID, "I've messaged you several times and I'm still waiting.");
        fires(ID, "Surely you can spare 10 minutes for a fellow alum.");
        fires(ID, "Please let me know by Friday.");
        fires(ID, "URGENT: quick question about your API.");
        fires(ID, "I'll keep following up until you reply.");
        // A chase of a request they never answered, and guilt by obligation.
        fires(
            ID,
            "Hi Lauren, following up again on my request to be a guest on your show.",
        );
        fires(
            ID,
            "Following up on my last message, just bumping this to the top of your inbox.",
        );
        fires(
            ID,
            "You left before I got a chance. The least you can do is accept.",
        );
        fires(
            ID,
            "My father was your classmate. Please don't disappoint him.",
        );
        fires(ID, "Now you cancel. Accept and reply today.");
        fires(
            ID,
            "Our client is ready to make an offer. Please respond today.",
        );
        fires(ID, "Please reply fast, my deadline is close.");
        fires(ID, "You never reply to my comments.");
    }

    #[test]
    fn silent_on_respectful_notes() {
        silent(
            ID,
            "Hi Sarah, loved your RustConf talk. No rush at all, but how do you test the linker?",
        );
        silent(ID, "You must be proud of the launch, congrats!");
        // The polite formula, and an unanswered request let go.
        silent(
            ID,
            "We were in the same study group in Dakar. I'm a nurse in Kaolack. Please connect with me.",
        );
        silent(
            ID,
            "Hi Florian, I sent a request in the spring that you didn't accept, and that's fine; I'll take this as the last try.",
        );
        silent(
            ID,
            "Hi Matthew, you didn't accept my last request, and fair enough, my profile was empty then.",
        );
        // Urgent things in their work, and a courtesy.
        silent(
            ID,
            "When our MRI went down your team took four of our urgent patients. Thank you.",
        );
        silent(ID, "I wonder where urgent safety cases fit in the draft.");
        silent(
            ID,
            "I'll bundle my requests monthly. Shout if anything's urgent before then.",
        );
        fires(
            ID,
            "Hi Fatima, I have an URGENT cloud security role that fits you.",
        );
        // Frank about the sender's own things.
        silent(
            ID,
            "I have a list of about 50 from my SDR days, anonymised and frankly embarrassing. Want them?",
        );
        // The sender asking if they may still come.
        silent(
            ID,
            "A mate did your CV workshop. Are there any places left on the March one?",
        );
        silent(
            ID,
            "Your post covers everything you need to know about wasm linkers.",
        );
        silent(
            ID,
            "I'd love to hear what you have to say about Rust in embedded.",
        );
        silent(
            ID,
            "I immediately thought of your post when I hit this bug.",
        );
        silent(
            ID,
            "I work in urgent care and loved your post on triage software.",
        );
        silent(ID, "No need to reply ASAP, whenever suits you.");
        silent(
            ID,
            "I'd like to connect in case questions come up later, nothing urgent.",
        );
        silent(
            ID,
            "Your weekly LNG notes are the clearest. Mind if I connect so I don't miss them?",
        );
        fires(ID, "Spots close tonight. Don't miss out!");
        fires(
            ID,
            "Your staff don't pass messages on. I expect a call from you by Friday.",
        );
        fires(
            ID,
            "I'd expect better from a senior negotiator. Connecting now.",
        );
        silent(
            ID,
            "I see this more than I expected in ultrarunners. Glad to connect.",
        );
        silent(ID, "");
    }

    #[test]
    fn fix_removes_urgency_words() {
        assert_eq!(
            fixed(ID, "Hi Sarah, please reply ASAP."),
            "Hi Sarah, please reply."
        );
        assert_eq!(
            fixed(ID, "Could you get back to me as soon as possible?"),
            "Could you get back to me?"
        );
        assert_eq!(
            fixed(ID, "I urgently need your advice on my startup."),
            "I need your advice on my startup."
        );
        assert_eq!(
            fixed(ID, "Please respond immediately to my request."),
            "Please respond to my request."
        );
        assert_eq!(
            fixed(ID, "Please reply quickly, thanks."),
            "Please reply, thanks."
        );
        assert_eq!(
            fixed(ID, "URGENT: quick question about your API."),
            "Quick question about your API."
        );
        assert_eq!(
            fixed(ID, "ASAP, please send me the slides."),
            "Please send me the slides."
        );
        // Without "urgently", "reply today" sets a deadline: that removal is no fix.
        let text = "We met at the job fair. Kindly reply urgently today, I am waiting.";
        assert_eq!(count(ID, text), 1);
        assert!(crate::analyze(text, &crate::Context::default())
            .findings
            .iter()
            .all(|f| f.rule != ID || f.replacement.is_none()));
    }

    #[test]
    fn an_invitation_not_accepted_yet_is_guilt() {
        fires(
            ID,
            "Hi Joy, I see you've accepted others from our class but not me. Did I do something wrong?",
        );
        fires(
            ID,
            "Sending this again. Hoping you'll accept this time, Nina.",
        );
        silent(
            ID,
            "Hi Joy, thanks for accepting my talk proposal for the Nairobi meetup.",
        );
        fires(
            ID,
            "Sophie Martin told me to reach out, so please don't ignore this.",
        );
        silent(ID, "Feel free to ignore this if the timing is wrong.");
    }

    #[test]
    fn what_they_are_supposed_to_do_is_guilt() {
        fires(
            ID,
            "I thought Lindqvist alumni were supposed to look out for each other. Hoping you're different.",
        );
        fires(
            ID,
            "I've messaged you twice. I thought academics were meant to support students.",
        );
        silent(
            ID,
            "Hi Ana, I was supposed to start at Kestrel on Monday; the team said you'd show me around.",
        );
    }

    #[test]
    fn disappointment_held_against_them_is_guilt() {
        fires(
            ID,
            "Hi Marisol, I saved you a seat at our info night and you didn't show up. Kind of disappointing.",
        );
        fires(
            ID,
            "Hi Bernard, I'm disappointed you still haven't endorsed me; I endorsed you last year.",
        );
        // The sender's own letdown, taken well, is no charge against them.
        silent(
            ID,
            "Benjamin, thanks for the final-round interview. Disappointed not to get it, but the feedback was fair.",
        );
        silent(
            ID,
            "Esther, you made my kaba in 3 days when my first tailor disappointed me. Thank you!",
        );
    }

    #[test]
    fn guilt_and_orders_have_no_fix() {
        let r = crate::analyze_bytes(
            "I've messaged you several times. You need to answer.",
            &crate::Context::default(),
        );
        let mine: Vec<_> = r.findings.iter().filter(|f| f.rule == ID).collect();
        assert_eq!(mine.len(), 2);
        assert!(mine.iter().all(|f| f.replacement.is_none()));
    }
}
