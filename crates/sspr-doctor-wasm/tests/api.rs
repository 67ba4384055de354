//! The boundary, in a real browser: values cross as plain JS objects and come back
//! serialized exactly as the core (and the command line) serializes them.
#![cfg(target_arch = "wasm32")]

use sspr_doctor_wasm::{diagnose, CaseValue};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn js(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

fn stringify(v: &JsValue) -> String {
    js_sys::JSON::stringify(v).unwrap().as_string().unwrap()
}

#[wasm_bindgen_test]
fn report_matches_the_core_byte_for_byte() {
    let input = r#"{"lang":"ja","mobilePhone":"+81 090-1234-5678","alternateEmail":"taro@gmial.com","today":"2026-11-24","isAdmin":true,"soleAdmin":false}"#;
    let out = diagnose(js(input).unchecked_into::<CaseValue>()).unwrap();
    let case: sspr_doctor_core::Case = serde_json::from_str(input).unwrap();
    let expected = serde_json::to_string(&sspr_doctor_core::diagnose(&case)).unwrap();
    assert_eq!(stringify(&out.into()), expected);
}

#[wasm_bindgen_test]
fn nulls_are_unknown_and_come_back_as_null() {
    let out: JsValue = diagnose(js(r#"{"mobilePhone":null,"today":"2026-11-24"}"#).unchecked_into()).unwrap().into();
    let phone = js_sys::Reflect::get(&out, &"phone".into()).unwrap();
    assert!(phone.is_null(), "phone must be null, not undefined");
}

#[wasm_bindgen_test]
fn a_wrong_value_is_an_error_not_a_trap() {
    let err = diagnose(js(r#"{"symptom":"fax"}"#).unchecked_into()).err().expect("an error");
    let msg = stringify(&JsValue::from(err));
    let _ = msg; // JsError becomes a JS Error; reaching here means no trap.
                 // The module still works afterwards.
    assert!(diagnose(js("{}").unchecked_into()).is_ok());
}

#[wasm_bindgen_test]
fn a_value_json_cannot_write_is_an_error_not_a_trap() {
    let make = |body: &str| js_sys::Function::new_no_args(body).call0(&JsValue::NULL).unwrap();
    for (body, reason) in [
        ("const c = { lang: 'ja' }; c.self = c; return c;", "circular"),
        ("return { mobilePhone: 10n };", "BigInt"),
        ("return { toJSON() { return undefined; } };", "takes a Case object"),
    ] {
        let err = diagnose(make(body).unchecked_into()).err().unwrap_or_else(|| panic!("{body}: an error"));
        let msg = js_sys::Reflect::get(&JsValue::from(err), &"message".into()).unwrap().as_string().unwrap();
        assert!(msg.starts_with("invalid Case: ") && msg.contains(reason), "{body}: {msg}");
    }
    // The module still works afterwards; a Date is read as its JSON text.
    assert!(diagnose(make("return { today: new Date(0) };").unchecked_into()).is_ok());
    assert!(diagnose(js(r#"{"lang":"ja"}"#).unchecked_into()).is_ok());
}
