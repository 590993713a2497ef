//! The JavaScript boundary, run under wasm-bindgen-test (Node): spans cross as UTF-16
//! offsets, so JavaScript's own string functions find the same text.

#![cfg(target_arch = "wasm32")]

use js_sys::{Array, JsString, Object, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn context(name: &str) -> JsValue {
    let recipient = Object::new();
    Reflect::set(&recipient, &"name".into(), &name.into()).unwrap();
    let ctx = Object::new();
    Reflect::set(&ctx, &"recipient".into(), &recipient).unwrap();
    Reflect::set(&ctx, &"limit".into(), &JsValue::from(200)).unwrap();
    ctx.into()
}

fn findings(report: &JsValue) -> Vec<JsValue> {
    Array::from(&get(report, "findings")).iter().collect()
}

fn finding(report: &JsValue, rule: &str) -> JsValue {
    findings(report)
        .into_iter()
        .find(|f| get(f, "rule").as_string().as_deref() == Some(rule))
        .unwrap_or_else(|| panic!("no {rule} finding"))
}

#[wasm_bindgen_test]
fn spans_are_utf16_offsets_with_emoji_and_accents() {
    // "👋" is two UTF-16 units, "é" one (precomposed), "e\u{301}" two.
    let text = "Hi Zoë 👋🏽, {first_name} and José e\u{301}! I loved your talk at RustConf.";
    let report = rapport::wasm::analyze(text, context("John Okafor")).unwrap();
    let js_text = JsString::from(text);
    assert_eq!(
        get(&report, "length").as_f64(),
        Some(f64::from(js_text.length()))
    );

    let placeholder = finding(&report, "unfilled-placeholder");
    let start = get(&placeholder, "start").as_f64().unwrap() as u32;
    let end = get(&placeholder, "end").as_f64().unwrap() as u32;
    assert_eq!(start as i32, js_text.index_of("{first_name}", 0));
    assert_eq!(String::from(js_text.substring(start, end)), "{first_name}");
    assert_eq!(
        get(&placeholder, "replacement").as_string().as_deref(),
        Some("John")
    );

    let wrong = finding(&report, "wrong-name");
    let start = get(&wrong, "start").as_f64().unwrap() as u32;
    let end = get(&wrong, "end").as_f64().unwrap() as u32;
    assert_eq!(String::from(js_text.substring(start, end)), "Zoë");
}

#[wasm_bindgen_test]
fn every_span_lies_on_code_point_boundaries() {
    let text = "🚀🚀 I'd like to add you to my professional network on LinkedIn!!! 👩‍💻 XXX";
    let report = rapport::wasm::analyze(text, JsValue::UNDEFINED).unwrap();
    let js_text = JsString::from(text);
    for f in findings(&report) {
        for key in ["start", "end"] {
            let at = get(&f, key).as_f64().unwrap() as u32;
            assert!(at <= js_text.length());
            if at > 0 && at < js_text.length() {
                let unit = js_text.char_code_at(at);
                assert!(
                    !(0xDC00..0xE000).contains(&(unit as u32)),
                    "{key} {at} splits a surrogate pair"
                );
            }
        }
    }
    let score = get(&report, "score").as_f64().unwrap();
    assert!((0.0..=100.0).contains(&score));
}

#[wasm_bindgen_test]
fn a_bad_context_is_a_js_error_not_a_panic() {
    let ctx = Object::new();
    Reflect::set(&ctx, &"limit".into(), &"three hundred".into()).unwrap();
    assert!(rapport::wasm::analyze("Hi", ctx.into()).is_err());
}

#[wasm_bindgen_test]
fn the_rule_list_crosses_the_boundary() {
    let list = Array::from(&rapport::wasm::rules().unwrap());
    assert!(list.length() >= 19);
    assert!(list
        .iter()
        .any(|r| get(&r, "id").as_string().as_deref() == Some("wrong-name")));
}

#[wasm_bindgen_test]
fn follow_ups_cross_the_boundary_as_plain_objects() {
    use rapport::wasm as w;
    let day = 86_400_000.0;
    let now = 1_767_225_600_000.0; // 2026-01-01T00:00:00Z
    let invite = Object::new();
    Reflect::set(
        &invite,
        &"url".into(),
        &"https://www.linkedin.com/in/Sarah-Chen/?trk=x".into(),
    )
    .unwrap();
    Reflect::set(
        &invite,
        &"name".into(),
        &"<img src=x onerror=alert(1)>".into(),
    )
    .unwrap();
    Reflect::set(
        &invite,
        &"note".into(),
        &"Hi Sarah, loved your talk 👋".into(),
    )
    .unwrap();
    let contact =
        w::record_invitation(JsValue::NULL, invite.into(), JsValue::UNDEFINED, Some(now)).unwrap();
    assert_eq!(
        get(&contact, "key").as_string().as_deref(),
        Some("linkedin.com/in/sarah-chen")
    );
    assert_eq!(
        get(&contact, "name").as_string().as_deref(),
        Some("<img src=x onerror=alert(1)>")
    );

    let contacts = Array::of1(&contact);
    let badge = w::badge(contacts.clone().into(), Some(now + 7.0 * day)).unwrap();
    assert_eq!(get(&badge, "text").as_string().as_deref(), Some("1"));

    let exported = w::export_json(contacts.clone().into(), JsValue::NULL, Some(now)).unwrap();
    let imported = w::import_json(&exported, Array::new().into()).unwrap();
    assert_eq!(get(&imported, "ok").as_bool(), Some(true));
    let merged = Array::from(&get(&get(&imported, "result"), "merged"));
    assert_eq!(merged.length(), 1);

    let refused = w::import_json(
        "{\"format\": \"rapport-followup\", \"contacts\": [",
        contacts.into(),
    )
    .unwrap();
    assert_eq!(get(&refused, "ok").as_bool(), Some(false));
    assert!(get(&refused, "message")
        .as_string()
        .unwrap()
        .contains("line"));
}
