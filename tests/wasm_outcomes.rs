//! The outcome exports (src/wasm/outcomes.rs) with real JS values: observations as a
//! content script sends them, the popup's view, the insights, rhythms.
//! Run under wasm-bindgen-test (Node): `cargo test --target wasm32-unknown-unknown --test wasm_outcomes`.

#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect, JSON};
use rapport::wasm as w;
use rapport::wasm::outcomes as o;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

const DAY: f64 = 86_400_000.0;
const NOW: f64 = 1_767_225_600_000.0; // 2026-01-01T00:00:00Z

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn json(text: &str) -> JsValue {
    JSON::parse(text).unwrap()
}

fn object(fields: &[(&str, &str)]) -> JsValue {
    let o = Object::new();
    for (k, v) in fields {
        Reflect::set(&o, &(*k).into(), &(*v).into()).unwrap();
    }
    o.into()
}

fn sent(slug: &str, note: Option<&str>, at: f64) -> JsValue {
    let url = format!("https://www.linkedin.com/in/{slug}/");
    let mut fields = vec![("url", url.as_str()), ("name", "Ana Lima")];
    if let Some(n) = note {
        fields.push(("note", n));
    }
    w::record_invitation(JsValue::NULL, object(&fields), JsValue::UNDEFINED, Some(at)).unwrap()
}

#[wasm_bindgen_test]
fn observations_as_the_content_script_sends_them() {
    let c = sent(
        "ana",
        Some("Hi Ana, loved your talk at PyData on streaming joins."),
        NOW,
    );
    assert_eq!(get(&c, "status").as_string().as_deref(), Some("pending"));
    assert!(get(&c, "note_score").as_f64().is_some());
    let connected = json(
        r#"{"url": "https://www.linkedin.com/in/ana/", "kind": "top_card", "state": "connected"}"#,
    );
    let c2 = o::observe(
        c.clone(),
        connected.clone(),
        JsValue::UNDEFINED,
        Some(NOW + 2.0 * DAY),
    )
    .unwrap();
    assert_eq!(get(&c2, "status").as_string().as_deref(), Some("accepted"));
    assert_eq!(get(&c2, "status_at").as_f64(), Some(NOW + 2.0 * DAY));
    // The same again changes nothing: null.
    assert!(o::observe(
        c2.clone(),
        connected,
        JsValue::UNDEFINED,
        Some(NOW + 3.0 * DAY)
    )
    .unwrap()
    .is_null());
    // A sent-invitations row of someone unknown is recorded.
    let row = json(
        r#"{"url": "/in/old-friend", "name": "Old Friend", "kind": "sent_row", "sent": "Envoyée il y a 2 semaines"}"#,
    );
    let new = o::observe(JsValue::NULL, row, JsValue::NULL, Some(NOW)).unwrap();
    assert_eq!(
        get(&new, "key").as_string().as_deref(),
        Some("linkedin.com/in/old-friend")
    );
    assert_eq!(get(&new, "invited_at").as_f64(), Some(NOW - 10.5 * DAY));
    let bad = json(r#"{"url": "/in/x", "kind": "declined"}"#);
    assert!(o::observe(JsValue::NULL, bad, JsValue::NULL, Some(NOW)).is_err());
    let other = json(r#"{"url": "/in/someone-else", "kind": "withdrawn"}"#);
    assert!(o::observe(c, other, JsValue::NULL, Some(NOW)).is_err());
    let r = o::parse_relative("Vor 3 Wochen gesendet", Some(NOW)).unwrap();
    assert_eq!(get(&r, "earliest").as_f64(), Some(NOW - 28.0 * DAY));
    assert!(o::parse_relative("Withdraw", Some(NOW)).unwrap().is_null());
}

#[wasm_bindgen_test]
fn the_popup_view_counts_pending_invitations_and_the_allowance() {
    let contacts = Array::new();
    contacts.push(&sent("a", Some("Hi Ana, a real note about your work"), NOW));
    contacts.push(&sent("b", None, NOW + DAY));
    let settings = json(r#"{"pending_days": 10, "monthly_notes": 3}"#);
    let view = o::outcome_view(
        contacts.clone().into(),
        "",
        settings.clone(),
        Some(NOW + 11.0 * DAY),
        Some(0),
    )
    .unwrap();
    assert_eq!(get(&view, "due_total").as_f64(), Some(2.0));
    let first = Array::from(&get(&view, "due")).get(0);
    let reasons = Array::from(&get(&first, "reasons"));
    assert_eq!(
        reasons.length(),
        2,
        "{:?}",
        JSON::stringify(&first).unwrap()
    );
    assert_eq!(
        get(&reasons.get(1), "kind").as_string().as_deref(),
        Some("pending_invitation")
    );
    assert!(get(&first, "withdraw_url")
        .as_string()
        .unwrap()
        .contains("invitation-manager/sent"));
    let allowance = get(&view, "allowance");
    assert_eq!(get(&allowance, "used").as_f64(), Some(1.0));
    assert_eq!(get(&allowance, "remaining").as_f64(), Some(2.0));
    assert_eq!(
        get(&get(&view, "badge"), "text").as_string().as_deref(),
        Some("2")
    );
    let advice = o::blank_invitation_advice(20, allowance).unwrap();
    assert!(advice.as_string().unwrap().contains("2 personalised notes"));
    let expired =
        o::expire_pending(contacts.clone().into(), settings, Some(NOW + 30.0 * DAY)).unwrap();
    assert_eq!(Array::from(&expired).length(), 2);
    assert_eq!(
        get(&Array::from(&expired).get(0), "status")
            .as_string()
            .as_deref(),
        Some("expired")
    );
}

#[wasm_bindgen_test]
fn insights_and_rhythms_cross_as_plain_json() {
    let contacts = Array::new();
    contacts.push(&sent("a", Some("Hi Ana, a real note about your work"), NOW));
    let ins = o::insights(
        contacts.clone().into(),
        JsValue::NULL,
        Some(NOW + 30.0 * DAY),
        Some(0),
    )
    .unwrap();
    let overall = get(&ins, "overall");
    assert_eq!(get(&overall, "not_accepted").as_f64(), Some(1.0));
    assert_eq!(get(&overall, "too_early"), JsValue::TRUE);
    let interval = get(&overall, "interval");
    assert_eq!(get(&interval, "low").as_f64(), Some(0.0));
    assert_eq!(Array::from(&get(&ins, "tables")).length(), 4);
    let text = JSON::stringify(&ins).unwrap().as_string().unwrap();
    assert!(text.contains("\"id\":\"score_band\""), "{text}");

    let index = w::SentNotes::new(contacts.clone().into()).unwrap();
    let kept = index
        .insights(
            contacts.into(),
            JsValue::NULL,
            Some(NOW + 30.0 * DAY),
            Some(0),
        )
        .unwrap();
    assert_eq!(JSON::stringify(&kept).unwrap().as_string().unwrap(), text);

    let c = sent("a", None, NOW);
    let weekly = o::set_rhythm(c, json(r#"{"weeks": 2}"#), Some(NOW)).unwrap();
    assert_eq!(get(&weekly, "cadence_days").as_f64(), Some(14.0));
    assert_eq!(
        get(&weekly, "follow_up_at").as_f64(),
        Some(NOW + 14.0 * DAY)
    );
    let monthly = o::set_rhythm(weekly.clone(), json(r#"{"months": 2}"#), Some(NOW)).unwrap();
    assert_eq!(get(&monthly, "cadence_days").as_f64(), Some(60.0));
    let once = o::set_rhythm(weekly.clone(), json(r#""once""#), Some(NOW)).unwrap();
    assert!(get(&once, "cadence_days").is_null());
    assert!(o::set_rhythm(weekly, json(r#""often""#), None).is_err());
}

/// The store kept on the engine's side answers as the functions over the contacts do.
#[wasm_bindgen_test]
fn the_loaded_store_answers_as_the_exports_over_its_contacts() {
    let old = sent(
        "old",
        Some("Hi Ana, loved your talk at PyData on streaming joins."),
        NOW - 30.0 * DAY,
    );
    let due = sent("due", None, NOW - 16.0 * DAY);
    let items = Object::new();
    Reflect::set(&items, &"schema_version".into(), &2.into()).unwrap();
    Reflect::set(&items, &"settings".into(), &json(r#"{"expire_days": 21}"#)).unwrap();
    for c in [&old, &due] {
        let key = get(c, "key").as_string().unwrap();
        Reflect::set(&items, &w::storage_key(&key).into(), c).unwrap();
    }
    let text = JSON::stringify(&items).unwrap().as_string().unwrap();
    let store = o::LoadedStore::new(&text).unwrap();
    let loaded = w::load_all(items.into()).unwrap();
    let contacts = get(&loaded, "contacts");
    let settings = get(&loaded, "settings");
    let same = |a: JsValue, b: JsValue| {
        assert_eq!(JSON::stringify(&a).unwrap(), JSON::stringify(&b).unwrap());
    };
    same(json(&store.contacts_json().unwrap()), contacts.clone());
    let summary = store.summary().unwrap();
    assert_eq!(get(&summary, "total").as_f64(), Some(2.0));
    same(get(&summary, "settings"), settings.clone());
    // One invitation pending 16 days (past `pending_days`), one expired and due.
    let badge = store.badge(Some(NOW)).unwrap();
    assert_eq!(get(&badge, "count").as_f64(), Some(2.0));
    assert_eq!(get(&badge, "text").as_string().as_deref(), Some("2"));
    let view = store.view("", Some(NOW), Some(0)).unwrap();
    let exported =
        o::outcome_view(contacts.clone(), "", settings.clone(), Some(NOW), Some(0)).unwrap();
    same(view.clone(), exported);
    for query in ["ana", "pydata", "nobody"] {
        same(
            store.view(query, Some(NOW), Some(0)).unwrap(),
            o::outcome_view(
                contacts.clone(),
                query,
                settings.clone(),
                Some(NOW),
                Some(0),
            )
            .unwrap(),
        );
    }
    // The contact invited 16 days ago is due with the withdraw link; the one 30 days ago
    // expired (due for its follow-up, nothing to withdraw).
    let due_items = Array::from(&get(&view, "due"));
    assert_eq!(due_items.length(), 2);
    let item = |key: &str| {
        due_items
            .iter()
            .find(|d| get(&get(d, "contact"), "key").as_string().as_deref() == Some(key))
            .unwrap()
    };
    assert!(get(&item("linkedin.com/in/old"), "withdraw_url").is_null());
    assert_eq!(
        get(&item("linkedin.com/in/old"), "outcome")
            .as_string()
            .as_deref(),
        Some("expired")
    );
    assert!(get(&item("linkedin.com/in/due"), "withdraw_url")
        .as_string()
        .unwrap()
        .ends_with("#rapport-withdraw=https%3A%2F%2Fwww.linkedin.com%2Fin%2Fdue%2F"));
    let standing = get(&view, "standing");
    assert_eq!(
        get(&get(&standing, "linkedin.com/in/due"), "status")
            .as_string()
            .as_deref(),
        Some("pending")
    );
    assert_eq!(
        get(&get(&standing, "linkedin.com/in/due"), "rhythm")
            .as_string()
            .as_deref(),
        Some("once")
    );
    same(
        store.expire_pending(Some(NOW)).unwrap(),
        o::expire_pending(contacts.clone(), settings.clone(), Some(NOW)).unwrap(),
    );
    same(
        store.insights(Some(NOW), Some(0)).unwrap(),
        o::insights(contacts.clone(), settings.clone(), Some(NOW), Some(0)).unwrap(),
    );
    assert_eq!(
        get(&store.contact("linkedin.com/in/old").unwrap(), "name")
            .as_string()
            .as_deref(),
        Some("Ana Lima")
    );
    assert!(store.contact("linkedin.com/in/nobody").unwrap().is_null());
    assert_eq!(store.month_count(Some(NOW), Some(0)), 0);
    same(
        store.allowance(Some(NOW), Some(0)).unwrap(),
        o::allowance(contacts, settings, Some(NOW), Some(0)).unwrap(),
    );
}

/// Changed items applied to the kept store answer as the store read again, search and
/// sent-note index included; a change to the settings is refused (read everything again).
#[wasm_bindgen_test]
fn changes_applied_to_the_loaded_store_answer_as_a_fresh_read() {
    let ana = sent(
        "ana",
        Some("Hi Ana, loved your talk at PyData on streaming joins."),
        NOW - 3.0 * DAY,
    );
    let bo = sent("bo", None, NOW - 16.0 * DAY);
    let item = |c: &JsValue| w::storage_key(&get(c, "key").as_string().unwrap());
    let text = |pairs: &[(&str, &JsValue)]| {
        let o = Object::new();
        for (k, v) in pairs {
            Reflect::set(&o, &(*k).into(), v).unwrap();
        }
        JSON::stringify(&o).unwrap().as_string().unwrap()
    };
    let (ana_item, bo_item) = (item(&ana), item(&bo));
    let two = 2.into();
    let mut kept =
        o::LoadedStore::new(&text(&[("schema_version", &two), (&ana_item, &ana)])).unwrap();
    // The search index and the sent notes are made before the change, then must not stay.
    let ana_found = kept.view("pydata", Some(NOW), Some(0)).unwrap();
    assert_eq!(get(&ana_found, "results_total").as_f64(), Some(1.0));
    let _ = kept.insights(Some(NOW), Some(0)).unwrap();
    let changes = format!(
        r#"{{"set": {}, "removed": ["{ana_item}"]}}"#,
        text(&[(&bo_item, &bo)])
    );
    assert!(kept.apply(&changes).unwrap());
    let fresh = o::LoadedStore::new(&text(&[("schema_version", &two), (&bo_item, &bo)])).unwrap();
    let same = |a: JsValue, b: JsValue| {
        assert_eq!(JSON::stringify(&a).unwrap(), JSON::stringify(&b).unwrap());
    };
    same(kept.summary().unwrap(), fresh.summary().unwrap());
    for query in ["", "pydata", "bo"] {
        same(
            kept.view(query, Some(NOW), Some(0)).unwrap(),
            fresh.view(query, Some(NOW), Some(0)).unwrap(),
        );
    }
    same(
        kept.insights(Some(NOW), Some(0)).unwrap(),
        fresh.insights(Some(NOW), Some(0)).unwrap(),
    );
    assert!(!kept
        .apply(r#"{"set": {"settings": {"expire_days": 30}}}"#)
        .unwrap());
    assert!(kept.apply("not json").is_err());
    same(kept.summary().unwrap(), fresh.summary().unwrap());
}
