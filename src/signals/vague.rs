//! Whether a sentence says something concrete, or only sounds personal: "saw your post,
//! great insights!", "great meeting you at the event!", "let's explore how we can work
//! together" name no post, no event and no work. The seeds ask for a note that shows real
//! interest in *their* work and says how you found them; a sentence that fits anyone
//! earns no credit for it.

use crate::lang::en::{is_generic_word, PRAISE_WORDS, VAGUE_REFERENCES, VAGUE_TOPICS, VAGUE_WORDS};
use crate::text::{is_year, Doc, Span, Token};

/// Words that carry no detail in a networking note beyond the shared vague vocabulary.
fn is_empty_word(t: &Token) -> bool {
    is_generic_word(t)
        || VAGUE_WORDS.has(t)
        || VAGUE_TOPICS.has(t)
        || PRAISE_WORDS.has(t)
        || VAGUE_REFERENCES.has(t)
        || t.norm.len() < 3
}

/// Reads whether a sentence names something concrete, with what it needs of the note
/// worked out once: the recipient's names, in normal form, and the template fields.
pub struct Specific<'d> {
    doc: &'d Doc<'d>,
    theirs: &'d [String],
    fields: &'d [(usize, usize, String)],
    /// Answers already given, as `(sentence start, skip_before, words, answer)`: the
    /// readers ask of the same few sentences again and again.
    seen: std::cell::RefCell<Vec<(usize, usize, usize, bool)>>,
}

impl<'d> Specific<'d> {
    /// A reader for `doc` sent to the person whose name's words are `theirs`
    /// ([`crate::lang::names::name_words`]), whose unfilled template `fields`
    /// ("{industry}") are not the writer's words.
    pub fn new(
        doc: &'d Doc<'d>,
        theirs: &'d [String],
        fields: &'d [(usize, usize, String)],
    ) -> Self {
        Specific {
            doc,
            theirs,
            fields,
            seen: Default::default(),
        }
    }

    /// True when the sentence holding `span` names something concrete: a name or place
    /// written with a capital inside the sentence (not the recipient's own name), a
    /// number, or enough words outside the vocabulary every note shares.
    /// Words before `skip_before` (the greeting or a salutation) and inside the fields
    /// are not looked at; `words` is how many words outside the shared vocabulary make
    /// it specific without a name or number (a reason needs one, "to learn about
    /// fintech"; how you found them two).
    pub fn at(&self, span: Span, skip_before: usize, words: usize) -> bool {
        let doc = self.doc;
        let Some(sentence) = doc.sentence_at(span.start) else {
            return false;
        };
        let key = (sentence.start, skip_before, words);
        let seen = self
            .seen
            .borrow()
            .iter()
            .find(|s| (s.0, s.1, s.2) == key)
            .map(|s| s.3);
        if let Some(answer) = seen {
            return answer;
        }
        let answer = self.reads(sentence, skip_before, words);
        self.seen.borrow_mut().push((key.0, key.1, key.2, answer));
        answer
    }

    /// [`Specific::at`] for one sentence, not yet asked.
    fn reads(&self, sentence: Span, skip_before: usize, words: usize) -> bool {
        let doc = self.doc;
        let toks = doc.tokens_within(sentence.start, sentence.end);
        let mut content = 0;
        for (k, t) in toks.iter().enumerate() {
            if self.theirs.iter().any(|w| t.norm == *w)
                || t.start < skip_before
                || self
                    .fields
                    .iter()
                    .any(|&(s, e, _)| s <= t.start && t.end <= e)
            {
                continue;
            }
            let raw = &doc.text[t.start..t.end];
            if raw.chars().any(|c| c.is_ascii_digit()) || is_year(raw) {
                return true;
            }
            let empty = is_empty_word(t);
            let capital = raw.chars().next().is_some_and(char::is_uppercase);
            // "I", "I'm", "I’ve" (the normal form has a straight apostrophe) are no name.
            let pronoun = t.norm == "i" || t.norm.starts_with("i'");
            if k > 0 && capital && !pronoun && !empty {
                return true;
            }
            if !empty {
                content += 1;
            }
        }
        content >= words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A template's field names ("first_name", "industry") are not the writer's words.
    #[test]
    fn template_fields_say_nothing() {
        let text = "Hi {first_name}, we share an interest in {industry_focus}.";
        let doc = Doc::new(text);
        let fields = crate::signals::placeholders::find(text);
        let at = Span { start: 0, end: 1 };
        assert!(Specific::new(&doc, &[], &[]).at(at, 0, 2), "read as words");
        assert!(!Specific::new(&doc, &[], &fields).at(at, 0, 2));
    }

    fn check(text: &str) -> bool {
        let doc = Doc::new(text);
        Specific::new(
            &doc,
            &crate::lang::names::name_words(Some("Alex Rivera")),
            &[],
        )
        .at(Span { start: 0, end: 1 }, 0, 2)
    }

    #[test]
    fn concrete_sentences_are_specific() {
        assert!(check("I saw your talk at RustConf on incremental builds."));
        assert!(check(
            "Your post on tokenising Welsh place names saved me a week."
        ));
        assert!(check("We met at the 2019 reunion."));
    }

    #[test]
    fn sentences_that_fit_anyone_are_not() {
        assert!(!check("Saw your post, great insights!"));
        assert!(!check("Great meeting you at the event!"));
        // A gathering by its kind and a time name nothing (issue 11's vague event).
        assert!(!check(
            "It was so great chatting at the reception last night."
        ));
        assert!(!check("Lovely to meet you at the dinner this year."));
        assert!(!check(
            "Alex, I've been following your work and really admire it."
        ));
        assert!(!check(
            "I've been following your work for some time now and admire the way you go about it."
        ));
    }
}
