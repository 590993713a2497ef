//! `entitlement-ask`: the note asks a stranger for something only a relationship
//! earns: their contacts or an introduction ("introduce me to your network",
//! "connect me with"), a referral ("can you refer me"), a job ("are you hiring?",
//! "get me an interview"), a favour ("pick your brain", "do me a favor", "be my
//! mentor", "weekly calls", "review my 40-page research paper", "could you look over our
//! plan and tell me what you'd change?", "could you share your Terraform modules?", "I'd
//! be so grateful if you could submit an internal referral for me"), an
//! endorsement or
//! recommendation, or a share of your post; and, from anyone, a demand framed as an
//! obligation ("I need you to get Revolut to integrate it", "you owe me", "I trust
//! you'll make sure he gets in") or something not theirs to give ("could you share
//! your internal roadmap?", "your manager's email", "just between us").
//!
//! **Why it matters.** One seed is entirely about this: a network is years of
//! relationship-building, not a transferable asset; asking for contacts "without
//! offering any value in return" ignores the reciprocity principle, and approaching
//! people with entitlement "can undermine your credibility". Its alternative: engage
//! with their work, show genuine interest, offer something, and ask once there is
//! trust. An ask like this caps the score at 45: however personal the rest, the note
//! asks before it gives. Asking about a job or an opening is not flagged when the
//! recipient's headline says they recruit: hiring is their work. Asking to be referred,
//! to have a CV passed on or a word put in still is: that pushes a stranger past the
//! process, which no one owes them.
//!
//! **Example.** `Hi Sarah, loved your RustConf talk on wasm tooling and the linker demo. Could you introduce me to your hiring manager?`
//! **Fix**: the ask's sentence is removed when at least eight words of the note
//! remain besides the greeting: `Hi Sarah, loved your RustConf talk on wasm tooling
//! and the linker demo.` (then add a question about their work or something you can
//! offer). When the ask is most of the note there is no mechanical fix: removing it
//! would leave a stub.

use super::{Cx, Rule};
use crate::edits::remove_sentence;
use crate::edits::tokens_in;
use crate::edits::Edit;
use crate::report::{Category, Finding, Severity};
use crate::signals::asks::{find, Ask};
use crate::text::Doc;

pub struct EntitlementAsk;

/// The cap while the rule fires.
const CAP: u8 = 35;

/// Words the note must keep besides the greeting for the ask's removal to leave a note.
const MIN_LEFT: usize = 8;

/// Removes the sentence holding `at` when the note keeps at least [`MIN_LEFT`] words
/// besides it and the greeting; otherwise the ask is the note, and removing it would
/// leave a stub ("Hi Sarah, when works for you?"), so there is no mechanical fix.
fn remove_ask_sentence(doc: &Doc, at: usize, greeting_end: Option<usize>) -> Option<Edit> {
    let edit = remove_sentence(doc, at, greeting_end, &|_| true)?;
    let g = greeting_end.unwrap_or(0);
    let left =
        tokens_in(doc, g, edit.start).len() + tokens_in(doc, g.max(edit.end), doc.text.len()).len();
    (left >= MIN_LEFT).then_some(edit)
}

fn message(ask: Ask) -> &'static str {
    match ask {
        Ask::Contacts => "Asking a stranger for their contacts or an introduction treats years of relationship-building as something to hand over. Engage with their work first and offer something; introductions come once there's trust.",
        Ask::Job | Ask::Referral => "Asking someone you've never spoken to for a referral or a job puts them on the spot and costs you credibility. Start with their work: a question about it, or something you can offer. Ask once there's a relationship.",
        Ask::Favour => "A favour asked before you have spoken can feel one-sided. Say what drew you to their work, and what you could offer in return.",
        Ask::Endorsement => "Endorsements and recommendations come from people who know your work; asking a stranger for one undermines your credibility. Build the relationship first.",
        Ask::Promotion => "Asking a stranger to like, share or follow puts their name behind you before they know you. Start with their work; ask once you know each other.",
        Ask::Confidential => "This asks for something that isn't theirs to share, like exam answers or confidential plans. It could put their job and your reputation at risk: ask about their experience instead.",
        Ask::Demand => "This asks as if they owe it to you. Ask plainly, say why you're asking them, and make it easy for them to say no.",
    }
}

impl Rule for EntitlementAsk {
    fn id(&self) -> &'static str {
        "entitlement-ask"
    }
    fn category(&self) -> Category {
        Category::Respect
    }
    fn penalty(&self) -> u8 {
        15
    }
    fn cap(&self, _cx: &Cx) -> Option<u8> {
        Some(CAP)
    }
    fn check(&self, cx: &Cx, out: &mut Vec<Finding>) {
        let greeting_end = cx.signals.greeting_end();
        // A favour asked by the shape of its sentence ("could you look over my
        // proposal") counts from someone who says nothing of how they know them.
        let stranger = cx.signals.how_found.is_none() && cx.signals.shared_past.is_none();
        let asks = asks(cx.doc, cx.ctx, stranger);
        for &(hit_start, hit_end, ask) in &asks {
            // The sentence goes only if what is left asks less, read as a stranger's: a
            // removal can take how they know them along ("Hi Maria, loved your post.
            // Could you i…ntrodu.ce me to your network?"), or bring two sentences
            // together so that one's "could you" asks the other's "sponsor".
            // A request by its shape alone gets no fix: it needs rewording, not removing.
            let fix = ask.and_then(|_| remove_ask_sentence(cx.doc, hit_start, greeting_end));
            let fix = fix.filter(|e| {
                let mut rest = cx.doc.text.to_string();
                rest.replace_range(e.start..e.end, &e.text);
                self::asks(&Doc::new(&rest), cx.ctx, true).len() < asks.len()
            });
            let (start, end, replacement) = match fix {
                Some(e) => (e.start, e.end, Some(e.text)),
                None => (hit_start, hit_end, None),
            };
            out.push(cx.finding(
                self,
                Severity::Warning,
                start,
                end,
                ask.map_or(STRANGER, message),
                replacement,
            ));
        }
    }
}

/// What a stranger's request by the shape of its sentence is told.
const STRANGER: &str = "A request from someone they don't know is easy to ignore. Say who you are and why you're asking them; make the request once they've accepted.";

/// Every ask the rule reports, as `(start, end, kind)`: the listed and shaped asks,
/// polite orders ("please give him a trial") from anyone, and, from a `stranger`, a
/// request by the shape of its sentence (kind `None`), each sentence reported once.
fn asks(doc: &Doc, ctx: &crate::Context, stranger: bool) -> Vec<(usize, usize, Option<Ask>)> {
    let found = find(doc, ctx);
    let covered = |at: usize| {
        found
            .iter()
            .any(|&(s, _, _)| doc.sentence_at(s) == doc.sentence_at(at))
    };
    let mut out: Vec<_> = Vec::new();
    if stranger {
        out.extend(
            crate::signals::favour::detect(doc)
                .into_iter()
                .filter(|s| !covered(s.start))
                .map(|s| (s.start, s.end, None)),
        );
    }
    out.extend(found.iter().map(|&(s, e, a)| (s, e, Some(a))));
    out.extend(
        crate::signals::favour::orders(doc)
            .into_iter()
            .filter(|o| !covered(o.start))
            .map(|o| (o.start, o.end, Some(Ask::Demand))),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use crate::{Context, Recipient};

    const ID: &str = "entitlement-ask";

    #[test]
    fn what_is_not_theirs_to_give_fires_from_anyone() {
        // Data not yet published, asked of a stranger with a promise of secrecy.
        fires(ID, "Could you share the interim responder data before it's published? I'd keep it confidential.");
        fires(
            ID,
            "Could you share the raw cytokine release data from your NHP tox study?",
        );
        fires(
            ID,
            "We want to use your unpublished mast data for our bankability report.",
        );
        silent(
            ID,
            "Our student team will share the raw counts by Friday, as promised.",
        );
        // A would-be rival asking for the business's own sourcing.
        fires(
            ID,
            "Hi Angela, I'm starting a kidswear brand too. Can you send me your supplier list and costing sheet?",
        );
        fires(
            ID,
            "Hi Emily, I'm building a voice startup. Also, could you share your internal roadmap?",
        );
        fires(
            ID,
            "Hi Tom, I'm writing a case on Arctic projects. Could you share the internal cost model by month end?",
        );
        fires(
            ID,
            "Hi Catherine, could you share some of AstraZeneca's internal datasets for my project?",
        );
        fires(
            ID,
            "Hi Ben, we worked together at Unilever. What is your team launching in Q3? Just between us, of course.",
        );
        fires(
            ID,
            "Could you give me your manager's email? I want to pitch him.",
        );
        fires(ID, "Hi Dana, could you pass on your CEO's direct contact?");
        fires(
            ID,
            "Since you work with the CEO, could you get me 15 minutes in his diary?",
        );
        // Homework and a recommendation asked of a stranger.
        fires(
            ID,
            "Hi Omar, could you write the code for my thesis chapter and check my analysis?",
        );
        fires(
            ID,
            "Professor Lee, would you write a recommendation letter for my application?",
        );
        silent(
            ID,
            "Hi Dana, I wrote the code for the Lisbon tram map you shared; happy to send it.",
        );
        silent(
            ID,
            "Hi Emily, your talk on internal tooling at Amazon was great. How do you pick what to build?",
        );
        // "Off the record" asked for, or offered as their choice.
        fires(
            ID,
            "Can you tell us off the record if Vicat is named in the file?",
        );
        for text in [
            "I'm a reporter at the Yorkshire Post. Could I ask you a few questions by email, on or off the record?",
            "I'm writing about battery plant hiring. Could I email you two questions? Off the record is fine, and so is a no.",
        ] {
            silent(ID, text);
        }
    }

    #[test]
    fn gossip_asked_of_them_is_not_theirs_to_tell() {
        fires(
            ID,
            "We were both at UBS Zurich. Heard you took the package, is it true you got 18 months?",
        );
        fires(
            ID,
            "A few of us were wondering if the rumours about Mr Hanlon are true?",
        );
        fires(
            ID,
            "Just wanted to ask what's really going on between you two.",
        );
        silent(
            ID,
            "Your post on the Hanlon report was clear. How long did the fieldwork take?",
        );
    }

    #[test]
    fn asking_them_to_reverse_their_decision_is_a_demand() {
        fires(
            ID,
            "I expected a higher mark though. I hope you'll reconsider now that we're connected.",
        );
        fires(
            ID,
            "It was unfair after all my effort. Please explain why and reconsider my application.",
        );
        silent(
            ID,
            "I've worked on what you flagged. Not asking to be reconsidered, just saying thanks.",
        );
    }

    #[test]
    fn demands_fire_even_between_people_who_know_each_other() {
        fires(
            ID,
            "Ollie, we were flatmates in Manchester for a year. I need you to get your bank to integrate my app.",
        );
        fires(
            ID,
            "Jon, it's Mark from Oxford rowing. My son applied to your firm; I trust you'll make sure he gets in.",
        );
        silent(
            ID,
            "Ollie, we were flatmates in Manchester for a year. If you ever need a hand with the app launch, I'm around.",
        );
        silent(
            ID,
            "Jon, it's Mark from Oxford rowing. Make sure you come to the reunion!",
        );
        fires(
            ID,
            "Hi Owen, we worked together on Crossrail. Could you send me your team's current salaries?",
        );
        fires(
            ID,
            "Hi Sophie, former colleague here. Can I count on you to sign my open letter?",
        );
        silent(
            ID,
            "Hi Sophie, former colleague here. Happy to share what I learnt negotiating my own salary.",
        );
        // Free work or money, from an old friend too.
        fires(
            ID,
            "Kevin, remember me from Gonzaga? Could you look at my lease dispute for free as a favour?",
        );
        fires(
            ID,
            "Andile, long time since school! You're at the bank, maybe you can approve a small loan for me?",
        );
        fires(
            ID,
            "Li, remember me from Fudan? I teach a course now; could you promote it to your colleagues?",
        );
        silent(
            ID,
            "Kevin, remember me from Gonzaga? Happy to look over your lease for free if it helps.",
        );
        silent(
            ID,
            "Hi Hannah, thanks for the kit sponsorship you kindly offered our U10 team.",
        );
        fires(
            ID,
            "Hi Lucy, I endorsed your skills last month. Could you return the favour?",
        );
        silent(
            ID,
            "Hi Amara, saw you mentor on ADPList. Happy to return the favour on nonprofit budgets.",
        );
    }

    #[test]
    fn fires_on_free_work_money_and_a_review_asked_after_its_document() {
        for text in [
            "Hi Ama, could you write me a LinkedIn recommendation about my leadership?",
            // Promotion asked for: a like, a follow, a rating.
            "Check out my reel on my profile and give it a like 🎬",
            "Could you install it and leave a 5-star review on the store?",
            // A boss's private line, a weekly check-in, a skipped round.
            "Could you share your CEO's direct email and mobile? I have a proposal he'll want to see.",
            "Would love if you could check in with me every week and keep me accountable.",
            "I'm between jobs and saw Ofek is hiring. Could you get me straight into the final round?",
            "Emma! Would you mind quickly rewriting our company website? It's only 20 pages.",
            "Hi Tolu, I'm raising a round and would love you to be one of our first angels.",
            "Hi Conor, I've put together our 40-page business plan and would value your detailed feedback.",
            "Since we're both Sudanese, I hoped you might do them for free as a favour.",
            "No speaker budget, but it would be great exposure for you. Could you do 45 minutes?",
            // Typed on a phone.
            "hey ama, love ur stuff. can u make me a dress for free and i'll tag you",
            "Hi Akua, can you cater my daughter's 30th next month at cost price?",
            "Hi Julia, could you read the full manuscript and give me detailed notes?",
            // Work reported back, from someone who says where they found them.
            "Hi Kwame, loved your talk on demand gen. Could you look over our go-to-market plan and tell me what you'd change?",
            "Hi Dmitri, your pricing talk was sharp. Could I send you our price list and get your honest take?",
            // Read this session from the dev halves: free work, a pass, what they owe.
            "I've finished my first novel. Could you read it and tell me if it's ready to send out?",
            "My boss fired me last week with no notice, can you tell me if I can sue them?",
            "I'd love to speak at your next event, could you put me on the lineup?",
            "I'd love for you to lead our seed round and bring a couple of your co-investors.",
            "I think a weekly check-in is fair given what I paid.",
            "Could you finally tell me what went wrong? I think I deserve that much.",
            "Check out my new podcast episode on protein myths! Link in my profile.",
            "It would mean the world if you shared my post with your followers.",
        ] {
            fires(ID, text);
        }
        for text in [
            "Hi Harold, I used your finding aid for the Pacific Review letters in my thesis. Thank you.",
            "Hi Fergus, thank you for the feedback on our unsuccessful SIAP application.",
            "Hi Rachel, thanks for the honest feedback on my case study.",
            "Marcus, you reviewed my first PR to tokio and your comments were kind.",
            "Hi Conor, our business plan changed after your talk; your feedback on pricing stuck with me.",
            // A yes or no, not advice.
            "Hi Tom, we met at the Bologna market in June. Would you look at one photo and tell me if it's worth restoring?",
        ] {
            silent(ID, text);
        }
    }

    #[test]
    fn fires_on_asks_to_skip_a_step_of_the_process() {
        for text in [
            "Hi Tom, online tests aren't a fair reflection of my ability, so could you put me straight through to the assessment centre?",
            "Hi Zara, as we talked so much, could you waive the situational judgement test for my application?",
            "Hi Lee, could you fast-track me to the final interview?",
            "Hi Ana, we need access to the order events stream. Could your team fast-track that for us?",
            "Hi Raj, my GitHub speaks for itself, so I'd like to skip the take-home.",
        ] {
            fires(ID, text);
        }
        for text in [
            "Hi Kim, your talk on letting agents skip the CSAT survey was great.",
            "Hi Jakub, your write-up on the OAuth redirect bypass was clear.",
            "Hi Sam, we waive the fee for students, if that helps your society.",
        ] {
            silent(ID, text);
        }
    }

    #[test]
    fn fires_on_inflected_asks_mentoring_and_reviews() {
        fires(
            ID,
            "Would you be open to being my mentor? A weekly call, say.",
        );
        fires(
            ID,
            "Since you're a manager there, could you submit my name for the SDE2 opening?",
        );
        fires(
            ID,
            "Can I stay at your place for the first two weeks until I find housing?",
        );
        fires(
            ID,
            "Would you read it and give me an endorsement quote for the cover?",
        );
        fires(ID, "Our cricket club needs a shirt sponsor this season. We'd love Emirates to cover our kit.");
        fires(
            ID,
            "Would you mind reviewing our CDC setup? It's only 30 slides.",
        );
        fires(
            ID,
            "I'd really value your detailed feedback on my RFC before Friday.",
        );
        silent(
            ID,
            "Thank you for the detailed feedback after my interview.",
        );
        fires(ID, "Hi Jamal, would you mind introducing me to a few VCs?");
        fires(
            ID,
            "I'm a fresher in SQL. Could you share my profile with the hiring team?",
        );
        fires(ID, "Would appreciate you forwarding my CV to your team.");
        fires(ID, "We'd also love an intro to your investors.");
        silent(
            ID,
            "Happy to make intros to Osaka retailers if that's ever useful.",
        );
        fires(
            ID,
            "Any chance you could sort me two complimentary tickets for the Leinster game?",
        );
        fires(
            ID,
            "I've applied for the opening and a word from you to the hiring manager would help.",
        );
        fires(
            ID,
            "Would you supervise my thesis remotely with weekly check-ins?",
        );
        silent(
            ID,
            "Your photos from the cab cheer up my feed every week. I'm a signaller at Perth.",
        );
        // A vendor's testimonial asked of someone who never said they used it.
        fires(
            ID,
            "Dear Dr. Hassan, would you mind leaving a short testimonial about our ECG machines?",
        );
        fires(
            ID,
            "Hi Dr. Singh, I'd like you to be my mentor. Can we set up weekly calls?",
        );
        fires(
            ID,
            "Can you please review my 40-page research paper and give feedback?",
        );
        fires(ID, "I'd appreciate feedback on my draft thesis.");
        // Reviewing their work, or offering one, is not an ask.
        silent(
            ID,
            "I read your paper and would love to review it for our journal club.",
        );
        silent(ID, "Happy to review your deck if that would help.");
        silent(
            ID,
            "I gave your repo a GitHub star years ago; thanks for keeping it alive.",
        );
        silent(ID, "My review of the paper. Thanks for the thesis talk.");
        silent(ID, "Hi Zoe, you gave feedback on my portfolio at the review night. Thanks for the feedback on my CV too.");
        silent(ID, "Dear Rebecca, you sent me a rejection in 2020 with two lines of real feedback on my manuscript. Thank you.");
        fires(ID, "Dear Rebecca, I sent you my manuscript in May. Could you give feedback on my manuscript?");
        // What they owe, said the other way round.
        fires(
            ID,
            "I was rejected after the final round. I think I'm owed a call to explain why.",
        );
        // Their feedback remembered, not asked for.
        silent(ID, "Dear Ms Kovács, we got the grant this spring. Your team's feedback on our rejected first application is why the second one worked. Thank you.");
        fires(
            ID,
            "Hi Daniela, I'm a React developer and would love your feedback on my portfolio.",
        );
        fires(ID, "Hi Daniela, your feedback on my portfolio?");
    }

    #[test]
    fn a_favour_thanked_for_or_done_by_others_is_no_ask() {
        silent(
            ID,
            "Hi Ewa, Karol told me you put my name forward for the QA meetup. Thank you!",
        );
        fires(
            ID,
            "Could you put my name forward to HR? Happy to send my CV.",
        );
        fires(
            ID,
            "Would you mind making an intro or two? Totally understand if not!",
        );
        fires(
            ID,
            "I need three reference letters, could you write one for me?",
        );
        fires(
            ID,
            "Since you managed accounts there, would you share your old client list?",
        );
        fires(
            ID,
            "Could you look over our founder agreement as a neighbourly favour?",
        );
        silent(
            ID,
            "Dobrý den Hana, thank you for mentoring me through the summer programme in 2022.",
        );
        silent(ID, "Thanks so much for introducing me to Ana last week.");
        silent(ID, "Your video on nerve blocks is the clearest I've found; our consultants now share it with juniors.");
        fires(ID, "Subscribe here and share it with your team!");
        // The sender's own work offered to them, or passed on to the sender's people.
        silent(
            ID,
            "We wrote up some error analysis and I'd be glad to share it with you.",
        );
        silent(
            ID,
            "Saw your SQL cheatsheet. Can I share it with my team, credited to you?",
        );
        fires(
            ID,
            "Could you fill in my survey and share it with all the members of your association?",
        );
        // A favour that recurs or lasts for weeks, even after a meeting.
        fires(
            ID,
            "We met at the veterans day. I'd like to shadow you on site for a few weeks.",
        );
        fires(ID, "Thanks in advance for introducing me to your CTO.");
        fires(
            ID,
            "Could you fill in my survey and forward it to everyone in your library network?",
        );
        fires(
            ID,
            "Could you go through the modules and give me a testimonial?",
        );
        fires(
            ID,
            "We are raising. Would you be open to introducing us to 3 or 4 angels?",
        );
        fires(
            ID,
            "Could you share it with your followers and intro us to a couple of sponsors?",
        );
        fires(ID, "I would be grateful for an introduction to your CTO.");
        fires(ID, "Now I need a favour: can you put in a word for my son?");
        // A request in question form is weighed as a favour, not read as an order.
        silent(
            ID,
            "Hi Lerato, you handled the placement of two children from our shelter last month. Could you please look at a one-page draft?",
        );
    }

    #[test]
    fn fires_on_asks_of_a_stranger() {
        fires(ID, "Hi Sarah, could you introduce me to your network?");
        fires(
            ID,
            "Hi Sarah, can you refer me for the backend role at Acme?",
        );
        fires(ID, "Hi Sarah, could you put in a word with HR for me?");
        // Past the process: an interview arranged, an application flagged or walked over.
        fires(
            ID,
            "Hi Sarah, could you set up an interview for me with the hiring manager?",
        );
        fires(ID, "Hi Sarah, could you walk my résumé over to HR?");
        fires(
            ID,
            "Hi Sarah, could you forward my résumé to your recruiting team?",
        );
        fires(
            ID,
            "Hi Sarah, could you recommend our proposal to the review committee?",
        );
        fires(
            ID,
            "Hi Sarah, would you review the draft and write the foreword?",
        );
        // Improper asks, told by the secrecy they promise or the rule they bend.
        fires(
            ID,
            "Hi Kareem, can you make that ticket go away? I fly out Sunday.",
        );
        fires(
            ID,
            "Could you send me the draft? I'd never reveal where it came from.",
        );
        fires(
            ID,
            "It'd be great if you could go easy on the egress windows.",
        );
        fires(ID, "Are you hiring? I'm looking for my next role.");
        fires(
            ID,
            "Dear Thomas, I am writing to express my strong interest in any position at your company.",
        );
        fires(ID, "I have strong skills. Please find my CV on my profile.");
        fires(ID, "I'd love to pick your brain about fundraising.");
        // A referee is a reference by its British name; authorship is not a favour to ask.
        fires(ID, "Sam, could you be my referee for the ARB registration?");
        fires(
            ID,
            "Dear Amelia, could you add me as a co-author on your next paper?",
        );
        fires(
            ID,
            "Dear Hiring Manager, I am writing to apply for the position advertised on your website. Please find my CV attached.",
        );
        fires(
            ID,
            "Please send 10kg free samples of each product to our Rotterdam address.",
        );
        // "won't mind" takes the yes for granted; it negates nothing.
        fires(
            ID,
            "Hey fellow alum! I'm sure you won't mind referring me to EY. My CV is in my profile.",
        );
        silent(
            ID,
            "Hi Sarah, loved your RustConf talk. I'm not asking for a referral, just your view.",
        );
        // Their lecture notes asked for are not how the sender found them.
        fires(
            ID,
            "Hi Samuel, I'm doing a project on inflation. Can you write a summary for me or send your lecture notes?",
        );
        // A word put in for someone else, money for a round, a reference for an application.
        fires(
            ID,
            "Hi Linh, can you put in a word for her at Unilever? She is very hardworking.",
        );
        fires(
            ID,
            "I'm raising a seed round. Would you consider investing?",
        );
        fires(
            ID,
            "Would you be open to being a reference for my Rhodes Scholarship application?",
        );
        fires(
            ID,
            "Could you do me a favor and share my resume with your team?",
        );
        fires(ID, "Would you endorse me for Rust?");
        fires(
            ID,
            "I know we haven't met, but would you be able to write me a letter of recommendation?",
        );
        fires(ID, "Hi Sarah, please connect me with your CTO.");
        fires(ID, "Any openings for me at Acme?");
        fires(ID, "Can you give me an internship at your company?");
        fires(ID, "Could you review my resume before I apply?");
        fires(ID, "Please like and share my latest post!");
        // Stars and upvotes for the sender's launch are promotion asked of a stranger.
        fires(
            ID,
            "We launched on Hacker News today. I'd really appreciate an upvote and a comment.",
        );
        fires(
            ID,
            "If errkit is useful, a GitHub star would really help it get noticed.",
        );
        fires(
            ID,
            "Love your content! I'm launching a course. Would you mind sharing it with your followers?",
        );
        // A shout-out asked of a creator: a mention, a follow back, a retweet.
        fires(
            ID,
            "I just launched my own channel and a mention in your next video would change everything.",
        );
        fires(
            ID,
            "I followed you on X, follow back and we both grow. Also retweet my pinned post!",
        );
        fires(
            ID,
            "I'm building a list for my weekly newsletter. I've added you already, hope that's ok!",
        );
    }

    #[test]
    fn silent_on_relationship_first_notes() {
        silent(
            ID,
            "Hi Sarah, loved your RustConf talk on wasm tooling. How do you test the linker?",
        );
        silent(ID, "Happy to introduce you to our wasm team if that helps.");
        // Unpaid work of their own before an unrelated question.
        silent(
            ID,
            "Your lecture is shaping my pro bono work. Would you be happy to connect?",
        );
        silent(
            ID,
            "I'm not asking for a referral, just curious how you moved into devrel.",
        );
        silent(ID, "Let me introduce myself: I build linters in Rust.");
        // A favour they offered, taken up.
        silent(
            ID,
            "Hi Gemma, we met at the Fringe night and you said you'd happily look over my lighting plot. If the offer still stands I'd be grateful!",
        );
        fires(
            ID,
            "Hi Gemma, I saw your show. Could you look over my lighting plot before Friday?",
        );
        silent(
            ID,
            "I saw you invest in climate startups. How do you judge a team that early?",
        );
        silent(
            ID,
            "I read your introduction to Rust and it helped me a lot.",
        );
        silent(
            ID,
            "Would you like to connect with me? I'd refer my clients to you.",
        );
        silent(ID, "");
    }

    #[test]
    fn recruiters_may_be_asked_about_jobs() {
        let ctx = Context {
            recipient: Recipient {
                name: Some("Sarah Chen".into()),
                headline: Some("Technical Recruiter at Acme".into()),
                company: None,
            },
            ..Context::default()
        };
        assert_eq!(
            count_with(ID, "Hi Sarah, are you hiring Rust engineers?", &ctx),
            0
        );
        assert_eq!(
            count_with(ID, "Hi Sarah, could you introduce me to your CTO?", &ctx),
            1
        );
        assert_eq!(
            count_with(ID, "Hi Sarah, please keep me in mind for data roles.", &ctx),
            0
        );
        // Pushed past the process: no one owes a stranger that, a recruiter included.
        for text in [
            "Hi Sarah, could you pass my CV to the hiring manager?",
            "Hi Sarah, could you refer me for the open PM role?",
            "Hi Sarah, please forward my CV to any team that does chip design.",
            "Hi Sarah, could you put in a good word with the partners?",
        ] {
            assert_eq!(count_with(ID, text, &ctx), 1, "{text}");
        }
    }

    #[test]
    fn fix_removes_the_ask_when_the_note_has_more() {
        assert_eq!(
            fixed(ID, "Hi Sarah, loved your RustConf talk on wasm tooling and the linker demo. Could you introduce me to your hiring manager?"),
            "Hi Sarah, loved your RustConf talk on wasm tooling and the linker demo."
        );
        assert_eq!(
            fixed(ID, "Hi Sarah, can you refer me to Acme? I loved your talk on wasm tooling and the linker demo."),
            "Hi Sarah, I loved your talk on wasm tooling and the linker demo."
        );
    }

    #[test]
    fn an_ask_alone_has_no_fix() {
        for text in [
            "Hi Sarah, can you refer me?",
            "Hi Dr. Lee, I'd love to pick your brain on the clinical side. When works for you?",
        ] {
            let r = crate::analyze_bytes(text, &Context::default());
            let f = r.findings.iter().find(|f| f.rule == ID).unwrap();
            assert_eq!(f.replacement, None, "{text}");
        }
    }

    #[test]
    fn caps_the_score() {
        let r = crate::analyze("Hi Sarah, I saw your RustConf talk on wasm tooling and loved the linker part. I'm building a linter too and happy to share our benchmarks. Could you refer me to your team?", &Context::default());
        assert!(r.score.unwrap() <= CAP, "{}", r.score.unwrap());
    }

    #[test]
    fn the_senders_own_review_is_no_ask() {
        silent(
            ID,
            "Dr. Ng, your post on myopia matched what we see here. Are you still using atropine first? We're reviewing our protocol.",
        );
        silent(ID, "I'm revising my thesis chapter on tariffs this month.");
        fires(
            ID,
            "Would you mind reviewing our draft spec? It's 30 pages.",
        );
        fires(ID, "We're hoping you could review our pitch deck.");
    }
}
