//! `missing-reason`: the note never says why the sender wants to connect.
//!
//! Counts as a reason: an explicit one ("I'm reaching out because", "since we both",
//! "as a fellow nurse"), a purpose ("to learn how", "to swap notes", "to stay in
//! touch", "connect and compare notes"), an ask for their view ("I'd value your
//! perspective on", "your take on"), what the sender is doing that makes them
//! relevant ("I'm exploring", "I'm building", "I'm moving into"), advice, mentorship,
//! collaboration or a role. LinkedIn's default "I'd like to add you to my
//! professional network", a bare "let's connect" and purposes that fit anyone
//! ("looking to grow my network", "interested in connecting", a bare "would love to
//! learn from you!") are not reasons: an intent counts only when what follows it in
//! its sentence names something beyond networking words. A shared past ("great
//! meeting you at", "we worked together", "long time since", and any sentence
//! [`super::missing_context::shared_past`] finds) is its own reason.
//!
//! **Why it matters.** The seeds: "Be clear about your intentions ... Whether you're
//! looking for advice, mentorship, or collaboration, articulating your intentions
//! makes it easier for the recipient to understand how they can assist you." A
//! request without a reason is the generic invitation people ignore.
//!
//! **Example.** `Hi Sarah, I saw your talk at RustConf. I'd like to connect with you.`
//! **Fix** (no mechanical fix; say why them, why now):
//! `Hi Sarah, I saw your talk at RustConf. I'm building a Rust linter and would value your view on caching.`

use super::missing_context::{after_greeting, cross, earliest, lexicon};
use super::{Cx, Rule};
use crate::report::{Category, Finding, Severity};
use crate::text::{Doc, Hit, Lexicon, Span};
use crate::Context;
use std::sync::LazyLock;

pub struct MissingReason;

/// Phrases that state a reason or purpose.
#[rustfmt::skip]
const REASON_PHRASES: &[&str] = &[
    // Explicit reasons.
    "because", "cause i", "the reason", "reason i'm reaching out", "reason for reaching out",
    "reason for my", "why i'm reaching out", "reaching out about", "reaching out regarding",
    "reaching out re", "reaching out since", "reaching out as", "reaching out for",
    "reaching out with", "since we", "since you", "since i", "since i'm", "since both", "since our",
    "since your", "seeing as", "seeing that", "given that", "given your", "given our", "given my",
    "as a fellow", "as fellow", "as someone who", "as someone working", "as someone interested",
    "as someone in", "as someone new", "as we both", "as we're both", "as both", "as i'm", "as we",
    "i'm a fellow", "also a fellow", "so i can", "so that i", "so we can", "so that we",
    "in order to", "in the hope", "in hopes of", "in the hopes",
    // A purpose ("to ...", "and ...").
    "to hear how", "to hear what", "to hear whether", "to hear if", "to hear why", "to exchange",
    "to swap", "to collaborate", "to compare", "to get your", "to ask", "to understand",
    "to talk shop", "to stay in touch", "to keep in touch", "to follow your", "to pick your brain",
    "to brainstorm", "to bounce", "to share", "to trade", "to continue", "to invite you",
    "to introduce you", "to partner", "to work with you", "to work together", "to team up",
    "to contribute", "to get advice", "to get feedback", "to thank you", "to say thanks",
    "to say thank you", "to show you", "to tell you about", "to offer", "to support your",
    "to help your", "to see if", "to see whether", "to see how", "to find out", "to gain",
    "to benefit from", "and hear", "and keep in touch",
    "and stay in touch", "and chat about", "and talk about", "and compare", "and trade",
    "and follow your", "and ask", "and collaborate", "and maybe ask", "and perhaps ask",
    "and possibly ask", "ask you", "ask a question", "ask a few questions", "a question about",
    "a quick question", "few questions", "learn how", "could i ask", "can i ask", "may i ask",
    "i ask", "ask how", "ask what", "ask about", "ask whether", "ask if", "ask your",
    "ask for your", "help each other", "support each other", "learn from each other",
    "learn from one another", "doing the same", "doing similar", "doing something similar",
    "working on the same", "working on something similar", "working on similar", "hear how you",
    "benefit from your",
    // Advice, mentorship, collaboration (the seeds' three intentions).
    "for advice", "for guidance", "for mentorship", "for your advice", "advice on", "advice about",
    "advice for", "guidance on", "any advice", "any tips", "tips on", "tips for", "pointers on",
    "mentorship", "mentor", "mentoring", "collaborate", "collaborating", "collaboration",
    "collaborations", "partner with", "partnering", "partnership", "work together",
    "working together", "team up", "co author", "join forces", "speak at", "speaking at",
    "have you on", "feature you", "interview you", "guest", "to join us", "join us",
    "on our podcast", "on my podcast", "for our podcast", "for my podcast", "on the show",
    "on my show", "quote you", "include your", "your thoughts on", "your thoughts about",
    "your take on", "your advice on", "your advice about", "your perspective on", "your input on",
    "your insights on", "your insight on", "your insight into", "your view on", "your views on",
    "your opinion on", "your feedback on", "your experience with", "your experience in",
    "your experience at", "your experience of", "your experience as", "your experience moving",
    "your experience making",
    // Roles and opportunities.
    "a role", "the role", "a position", "the position", "open role", "open position", "roles in",
    "roles at", "positions in", "positions at", "opportunities in", "opportunities at",
    "opportunities with", "job search", "job hunt", "job opportunities at", "internship",
    "internships", "apprenticeship", "placement", "applying for", "applied for", "applied to",
    "applying to", "interviewing for", "interview for", "referral", "refer me", "i recruit",
    "recruiting for", "we're hiring", "i'm hiring", "hiring for", "have a role", "have an opening",
    "have a position",
    // Staying in touch and exchanging notes (the seeds: "Follow Up and Stay in Touch").
    "stay in touch", "keep in touch", "be in touch", "stay connected", "keep up with",
    "follow your work", "follow along", "follow your journey", "keep following",
    "following your work", "keep the conversation going", "continue the conversation",
    "continue our conversation", "follow up on", "following up on", "following up from",
    "following up after", "pick up where", "swap notes", "compare notes", "trade notes",
    "exchange notes", "share notes", "brainstorm", "pick your brain", "swap stories", "talk shop", "nerd out", "comparing notes",
    "swapping notes", "trading notes",
    // A shared interest or a move.
    "curious how", "curious to", "keen interest", "share your interest", "shared interest",
    "share a passion", "career change", "career switch", "career transition", "change careers",
    "switch careers", "pivot into", "pivot to", "break into", "breaking into", "transition into",
    "transitioning into", "move into", "moving into", "making the jump", "make the jump",
    "making the switch", "make the switch", "same jump", "same move", "same switch", "similar move",
    "similar jump",
];

/// Who is doing something ("I'm", "we're", "currently") ...
#[rustfmt::skip]
const DOING_SUBJECTS: &[&str] = &[
    "i'm", "we're", "i've been", "we've been", "currently", "i'm currently", "we're currently",
    "i'm now", "i recently started", "i just started", "i'm just starting", "i'm also",
    "i'm actually", "i'm personally",
];

/// ... and what: the work that makes them relevant to each other.
#[rustfmt::skip]
const DOING: &[&str] = &[
    "exploring", "researching", "building", "working on", "writing", "starting", "launching",
    "studying", "learning", "looking for", "looking into", "looking at", "moving into", "moving to",
    "transitioning", "switching", "pivoting", "planning", "preparing", "organizing",
    "putting together", "developing", "designing", "creating", "applying", "interviewing", "hiring",
    "considering", "thinking about", "new to", "getting into", "breaking into", "trying",
    "weighing", "hoping", "setting up", "running", "leading a", "scaling", "raising", "recruiting",
    "curating", "compiling", "gathering", "collecting", "surveying", "talking to", "speaking with",
    "investigating", "evaluating", "testing", "piloting", "rolling out", "introducing",
    "implementing", "migrating", "rebuilding", "redesigning", "training for", "preparing for",
    "working toward", "working towards", "struggling with", "wrestling with", "stuck on",
    "tackling", "solving", "facing", "dealing with", "in the middle of", "about to",
];

/// Intent words that need a real object: "hoping to" + something that is not
/// generic ("interested in | connecting" and "to learn | more about you" are not reasons).
#[rustfmt::skip]
const INTENT_FRAMES: &[&str] = &[
    "hoping to", "hope to", "i hope we can", "hope we can", "looking to", "looking for", "seeking",
    "keen to", "eager to", "trying to", "aiming to", "aim to", "plan to", "planning to",
    "interested in", "curious about", "passionate about", "excited about", "fascinated by",
    "opportunity to", "the opportunity", "an opportunity", "to explore", "to discuss",
    "to get to know", "learn more about", "learn about", "to learn", "and learn", "and explore",
    "and discuss", "would love to get", "want to", "wanted to", "learn from you", "learn from your",
    "to hear more", "to hear about", "to hear your", "hear about your", "to chat about",
    // Exchanges that need a subject: "share ideas on rural broadband", not "share ideas 🙌".
    "exchange ideas", "swap ideas", "share ideas", "trade ideas", "exchange thoughts",
    "share thoughts", "share experiences", "exchange experiences", "bounce ideas", "and share",
    "and exchange", "and swap",
    "to talk about",
];

/// What they would value from the recipient: "I'd value your perspective".
#[rustfmt::skip]
const VALUE_VERBS: &[&str] = &[
    "value your", "appreciate your", "love your", "like your", "welcome your", "get your",
    "hear your", "learn from your", "grateful for your", "appreciate any", "welcome any",
    "love any", "value any", "value a", "appreciate a", "love a", "benefit from any",
];
#[rustfmt::skip]
const WANTED: &[&str] = &[
    "perspective", "advice", "input", "insight", "insights", "thoughts", "opinion", "take",
    "feedback", "view", "views", "guidance", "experience", "expertise", "recommendations", "tips",
    "pointers", "suggestions", "two cents", "quick take", "honest take", "candid take",
];

/// What follows an intent and makes it generic: "looking to grow my network".
#[rustfmt::skip]
const GENERIC_OBJECTS: &[&str] = &[
    "connect", "connect with you", "connect with like minded", "connect with professionals",
    "connect with other", "connect with people", "connect with more", "connect here",
    "connect on linkedin", "connecting", "networking", "network", "network with",
    "expand my network", "expand my professional network", "grow my network",
    "grow my professional network", "build my network", "build my professional network",
    "broaden my network", "extend my network", "widen my network", "expand our networks",
    "grow our networks", "expand our network", "grow our network", "add you", "be connected",
    "join your network", "be part of your network", "new connections", "more connections",
    "connections", "like minded", "professionals", "new people", "meeting new people",
    "meet new people", "building relationships", "build relationships",
    "mutually beneficial relationships", "opportunities", "new opportunities", "any opportunities",
    "exciting opportunities", "a new opportunity", "new roles", "a new role", "a job", "work",
    "a new job", "linkedin", "your profile", "your network", "grow", "expand", "my network",
    "our network", "you", "you better", "each other", "one another", "more about you", "about you",
    "your background", "your experience", "your journey", "your career",
];

/// Reasons complete in themselves.
/// Words of a purpose that fits anyone: an intent followed only by these in its
/// sentence ("learn from you!", "learn more about your journey") is not a reason.
#[rustfmt::skip]
const GENERIC_WORDS: &[&str] = &[
    "connect", "connecting", "connected", "with", "you", "your", "yours", "and", "to", "grow",
    "expand", "build", "broaden", "extend", "widen", "my", "our", "network", "networks",
    "networking", "professional", "professionals", "like", "minded", "people", "new", "more",
    "connections", "connection", "from", "learn", "learning", "about", "experience", "experiences",
    "journey", "expertise", "profile", "insights", "the", "a", "an", "in", "on", "linkedin", "this",
    "platform", "here", "opportunities", "opportunity", "any", "exciting", "other", "others",
    "each", "all", "of", "best", "leaders", "experts", "industry", "field", "space",
    "relationships", "relationship", "meaningful", "building", "be", "part", "join", "add", "get",
    "know", "better", "mutually", "beneficial", "great", "amazing", "inspiring", "growth",
    "together", "someone", "successful", "yourself", "similar", "interests", "much", "lot", "folks",
    "individuals", "top", "talent", "future", "possible", "potential", "work", "career", "story",
    "background", "success", "path", "wisdom", "knowledge", "world", "so", "much", "as", "well",
    "too", "also", "possibly", "maybe", "perhaps", "someday", "sometime", "soon", "further",
    "synergies", "synergy", "possibilities", "ideas", "things", "stuff", "i", "me", "we", "us",
    "can", "could", "would", "will", "it", "that", "is", "are", "am", "s", "who", "what", "how",
    "journeys", "field's", "thoughts", "perspective", "view", "views", "everything", "anything",
    "something", "whatever", "area", "domain", "sector", "role", "roles", "position", "positions",
    "job", "jobs", "one", "another", "along", "way",
];

/// A shared past: people who have met, worked or studied together need no other
/// reason to connect (seed 004: after an event, "I connected with several attendees").
#[rustfmt::skip]
const SHARED_PAST: &[&str] = &[
    "nice meeting you", "great meeting you", "lovely meeting you", "good meeting you",
    "nice to meet you", "great to meet you", "lovely to meet you", "good to meet you",
    "was great to meet you", "pleasure meeting you", "pleasure to meet you",
    "met you at", "we met at", "we met on", "we met during", "we met last", "when we met",
    "great chatting", "nice chatting", "good chatting", "lovely chatting", "enjoyed chatting",
    "great talking", "nice talking", "enjoyed talking", "enjoyed our chat", "enjoyed our conversation",
    "thanks for the chat", "thanks for the conversation", "thank you for the chat",
    "thanks for showing me", "thank you for showing me", "thanks for your time today",
    "we worked together", "we used to work together", "worked with you at", "we were colleagues",
    "we studied together", "we were classmates", "we were in the same", "we shared a table",
    "long time since", "long time no see", "it's been a while", "been ages", "as promised",
    "following up on our", "following up from our", "after our call", "after our chat",
    "good working with you", "great working with you", "nice working with you",
    "loved working with you", "enjoyed working with you", "a pleasure working with you",
    "miss working with you", "thanks for hosting", "thank you for hosting", "thanks for having me",
    "thank you for having me", "thanks for the tour", "thank you for the tour",
];

static SHARED: LazyLock<Lexicon> = LazyLock::new(|| lexicon(SHARED_PAST));

static REASON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut p: Vec<String> = REASON_PHRASES.iter().map(|s| s.to_string()).collect();
    p.extend(cross(VALUE_VERBS, WANTED));
    lexicon(&p)
});

/// Intents that count only with a real object after them.
static INTENT: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut p: Vec<String> = INTENT_FRAMES.iter().map(|s| s.to_string()).collect();
    p.extend(cross(DOING_SUBJECTS, DOING));
    lexicon(&p)
});

/// Generic objects, also after "to", "and", "with".
static GENERIC: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut p: Vec<String> = GENERIC_OBJECTS.iter().map(|s| s.to_string()).collect();
    p.extend(cross(&["to", "and", "with"], GENERIC_OBJECTS));
    lexicon(&p)
});

/// The first stock phrase of a shared past ("great meeting you", "good working with
/// you on"); [`super::missing_context::shared_past`] finds the rest by their shape.
pub fn shared_phrase(doc: &Doc) -> Option<Span> {
    doc.first(&SHARED).map(|h| Span {
        start: h.start,
        end: h.end,
    })
}

/// Finds the reason the sender gives for connecting.
pub fn detect(doc: &Doc, ctx: &Context) -> Option<Span> {
    let hits = super::generic_opener::phrase_hits(doc);
    detect_outside(doc, ctx, &super::generic_opener::stock_phrases(&hits))
}

/// [`detect`], skipping reasons inside `stock` spans: "see how we can help each other
/// grow" is stock networking text, not a reason.
pub(crate) fn detect_outside(doc: &Doc, _ctx: &Context, stock: &[Span]) -> Option<Span> {
    if doc.word_count() == 0 {
        return None;
    }
    let outside = |h: &Hit| !stock.iter().any(|s| s.start < h.end && h.start < s.end);
    let generic = doc.find(&GENERIC);
    let real = |h: &Hit| {
        // "looking to | grow my network": a generic phrase covers the word after it.
        let generic_object = generic
            .iter()
            .any(|g| g.first_token <= h.end_token && h.end_token < g.end_token);
        // "learn from you!": nothing but generic words follow in its sentence.
        let sentence_end = doc.sentence_at(h.start).map_or(doc.text.len(), |s| s.end);
        let names_something = doc.tokens[h.end_token..]
            .iter()
            .take_while(|t| t.end <= sentence_end)
            .any(|t| !GENERIC_WORDS.contains(&t.norm.as_str()));
        !generic_object && names_something
    };
    let span = |h: Hit| Span {
        start: h.start,
        end: h.end,
    };
    let reason = doc.find_iter(&REASON).find(outside).map(span);
    let intent = doc
        .find_iter(&INTENT)
        .find(|h| outside(h) && real(h))
        .map(span);
    let shared = doc.first(&SHARED).map(span);
    earliest([reason, intent, shared])
}

impl Rule for MissingReason {
    fn id(&self) -> &'static str {
        "missing-reason"
    }
    fn category(&self) -> Category {
        Category::Reason
    }
    fn penalty(&self) -> u8 {
        20
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) {
        let doc = cx.doc;
        if doc.word_count() == 0 || cx.signals.reason.is_some() {
            return;
        }
        // Where a reason reads best: after what they know of the person, else after the greeting.
        let at = earliest([cx.signals.how_found, cx.signals.specifics])
            .and_then(|s| doc.sentence_at(s.start))
            .map_or_else(|| after_greeting(doc, cx.signals.greeting), |s| s.end);
        out.push(cx.finding(
            self,
            Severity::Warning,
            at,
            at,
            "Say in one line why you want to connect with them, and why now: advice on something, a shared project, swapping notes. A clear reason is what gets a stranger to accept.",
            None,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    const RULE: &str = "missing-reason";

    fn found(text: &str) -> Option<String> {
        let doc = Doc::new(text);
        detect(&doc, &Context::default()).map(|s| text[s.start..s.end].to_string())
    }

    #[test]
    fn a_shared_past_is_reason_enough() {
        silent(
            RULE,
            "Nice meeting you at Sunday's 10k, Ravi. Still can't believe that last hill.",
        );
        silent(
            RULE,
            "Hi Tom, we worked together at Globex back in 2019. Long time!",
        );
        silent(RULE, "Connecting as promised after our chat at the booth.");
        fires(RULE, "Hi Tom, I'd like to meet you.");
    }

    #[test]
    fn fires_without_a_reason() {
        for text in [
            "I'd like to add you to my professional network on LinkedIn.",
            "Hi Sarah, I saw your talk at RustConf. I'd like to connect with you.",
            "Hi Sarah, let's connect!",
            "Hi Sarah, I'm looking to grow my network with like-minded professionals.",
            "Hi Sarah, I'm a product manager in Berlin. Would love to connect.",
            "Hi Sarah, I'm interested in connecting with you.",
            "Hey, hoping to connect and expand my network!",
            "Hi Sarah, I'd love to get to know you and learn more about you.",
            "Hi Sarah, I'd love the opportunity to connect.",
            "Hi Lin, I admire your work. Would love to connect and learn from you!",
            "Hi Lin, I'd love to learn more about your journey.",
        ] {
            fires(RULE, text);
        }
    }

    #[test]
    fn silent_with_a_reason() {
        for text in [
            "Hi Sarah, I'm reaching out because I'm moving into developer relations.",
            "Hi Sarah, I'd love to connect to learn how your team runs on-call.",
            "Hi Sarah, since we both work on wasm tooling, it'd be great to swap notes.",
            "Hi Sarah, I'd value your perspective on caching strategies.",
            "Hi Sarah, as a fellow nurse educator I'd love to stay in touch.",
            "Hi Sarah, I'm exploring a move from law into product.",
            "Hi Sarah, great meeting you at the meetup. Let's keep in touch!",
            "Hi Sarah, Im building a Rust linter and would love your take.",
            "Hi Sarah, I do the same audits for councils, maybe we can help each other?",
            "Hi Sarah, would you be up for being a guest on our podcast?",
            "hi sarah! i'm an illustration student, would love to follow your work :)",
            "Hi Lin, I'd love to learn from you about running on-call rotations.",
            "Hi Sarah, we met at the conference. Could I ask how you run your problem walls?",
            "Hi Sarah, I'm looking to grow my network and learn from leaders in fintech.",
            "",
        ] {
            silent(RULE, text);
        }
    }

    #[test]
    fn an_exchange_needs_a_subject() {
        fires(RULE, "Hey Josh! Your post on productivity was so inspiring. Would love to connect and share ideas 🙌");
        silent(
            RULE,
            "Hey Josh! Would love to share ideas on rural broadband grants.",
        );
    }

    #[test]
    fn stock_networking_text_is_no_reason() {
        fires(RULE, "Hi Siobhan, love what you're doing! We should definitely connect and see how we can help each other grow.");
        silent(RULE, "Hi Siobhan, I'm moving into dairy logistics and would value your advice on cold chains.");
    }

    #[test]
    fn detect_finds_the_reason() {
        assert_eq!(
            found("Let's connect since we both love Rust.").as_deref(),
            Some("since we")
        );
        assert_eq!(
            found("I’d value your perspective on pricing.").as_deref(),
            Some("value your perspective")
        );
        assert_eq!(found("I'm hoping to connect with you."), None);
        assert_eq!(found("I'm looking for new opportunities."), None);
        assert_eq!(
            found("I'm looking for advice on moving into nursing informatics.").as_deref(),
            Some("I'm looking for")
        );
        assert_eq!(
            found("I'm hoping to work with you on the grant.").as_deref(),
            Some("to work with you")
        );
    }

    #[test]
    fn finding_points_after_what_they_know_of_them() {
        let text = "Hi Sarah, I saw your talk at RustConf. Let's connect.";
        let r = crate::analyze_bytes(text, &Context::default());
        let f = r.findings.iter().find(|f| f.rule == RULE).unwrap();
        assert_eq!(&text[..f.start], "Hi Sarah, I saw your talk at RustConf.");
        assert_eq!(f.start, f.end);
        assert_eq!(f.replacement, None);
    }
}
