//! The follow-up exports the extension added on top of the engine's first boundary
//! (tests/wasm.rs): the sent-notes index the note panel asks on every keystroke,
//! "Add a note about <name>", a contact's status, newly due follow-ups and the schema.
//! Run under wasm-bindgen-test (Node): `cargo test --target wasm32-unknown-unknown --test wasm_followup`.

#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect};
use rapport::wasm as w;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

const DAY: f64 = 86_400_000.0;
const NOW: f64 = 1_767_225_600_000.0; // 2026-01-01T00:00:00Z

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn object(fields: &[(&str, &str)]) -> JsValue {
    let o = Object::new();
    for (k, v) in fields {
        Reflect::set(&o, &(*k).into(), &(*v).into()).unwrap();
    }
    o.into()
}

fn sent(slug: &str, name: &str, note: &str, at: f64) -> JsValue {
    let invite = object(&[
        ("url", &format!("https://www.linkedin.com/in/{slug}/")),
        ("name", name),
        ("note", note),
    ]);
    w::record_invitation(JsValue::NULL, invite, JsValue::UNDEFINED, Some(at)).unwrap()
}

#[wasm_bindgen_test]
fn the_sent_notes_index_finds_a_template_sent_to_three_others() {
    let template =
        "I came across your profile and would love to connect and learn more about your work.";
    let contacts = Array::new();
    for (slug, name) in [("ann", "Ann Lee"), ("ben", "Ben Ross"), ("cy", "Cy Young")] {
        contacts.push(&sent(
            slug,
            name,
            &format!("Hi {}, {template}", &name[..3]),
            NOW,
        ));
    }
    contacts.push(&sent(
        "dee",
        "Dee Park",
        "Hi Dee, your typography talk was great.",
        NOW,
    ));
    let index = w::SentNotes::new(contacts.clone().into()).unwrap();
    assert_eq!(index.size(), 4);
    let draft = format!("Hi John, {template}");
    let got = index.similar(&draft, Some("John".into()), None).unwrap();
    assert_eq!(get(&got, "count").as_f64(), Some(3.0));
    // The three who got the template, most similar first; not Dee.
    let examples = Array::from(&get(&got, "examples"));
    let names: Vec<String> = examples
        .iter()
        .map(|e| get(&e, "name").as_string().unwrap())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(!names.iter().any(|n| n == "Dee Park"), "{names:?}");
    // The draft's own recipient is left out: two others are not a template yet.
    let own = index
        .similar(
            &draft,
            None,
            Some("https://www.linkedin.com/in/ann/".into()),
        )
        .unwrap();
    assert!(own.is_null());
    assert!(index.similar("Hi", None, None).unwrap().is_null());
}

#[wasm_bindgen_test]
fn remembering_a_person_and_their_status() {
    let person = object(&[
        ("url", "https://www.linkedin.com/in/Dana-Scully"),
        ("name", "Dana Scully"),
        ("note", "ignored"),
    ]);
    let c = w::remember_contact(JsValue::NULL, person, Some(NOW)).unwrap();
    assert_eq!(
        get(&c, "key").as_string().as_deref(),
        Some("linkedin.com/in/dana-scully")
    );
    assert!(get(&c, "note_sent").is_null());
    assert!(get(&c, "follow_up_at").is_null());
    assert_eq!(
        w::contact_status(c.clone(), Some(NOW))
            .unwrap()
            .as_string()
            .as_deref(),
        Some("idle")
    );
    let not_a_profile = object(&[("url", "https://example.com/in/x"), ("name", "X")]);
    assert!(w::remember_contact(JsValue::NULL, not_a_profile, Some(NOW)).is_err());

    let invited = sent("fox", "Fox Mulder", "Hi Fox, a real note", NOW);
    let status = |c: &JsValue, at: f64| {
        w::contact_status(c.clone(), Some(at))
            .unwrap()
            .as_string()
            .unwrap()
    };
    assert_eq!(status(&invited, NOW), "upcoming");
    assert_eq!(status(&invited, NOW + 7.0 * DAY), "due");
    let fresh = w::newly_due(
        Array::of2(&invited, &c).into(),
        NOW + 6.0 * DAY,
        Some(NOW + 8.0 * DAY),
    )
    .unwrap();
    assert_eq!(Array::from(&fresh).length(), 1);
    let stale = w::newly_due(
        Array::of1(&invited).into(),
        NOW + 7.0 * DAY,
        Some(NOW + 8.0 * DAY),
    )
    .unwrap();
    assert_eq!(Array::from(&stale).length(), 0);
    assert_eq!(w::schema_version(), 2);
}
