//! Microsoft Graph JSON, read straight into rows (no tree of values is built, so a large
//! export costs little more than its rows). Shapes (shared/data/admin-exports/FORMATS.md
//! §2–3):
//! - a Graph page `{ "value": [ … ], "@odata.nextLink": … }`, or several pages one after
//!   another in one file or in an array;
//! - an array of objects (PowerShell `ConvertTo-Json`), or one object;
//! - per-user method lists keyed by user id or user name:
//!   `{ "<id>": { "value": [ { "phoneNumber", "phoneType" } | { "emailAddress" } ] } }`,
//!   including the generic `/authentication/methods` list with `@odata.type`.
//!
//! Nested objects contribute their properties under the parent's name
//! (`StrongAuthenticationUserDetails.PhoneNumber`); arrays of objects contribute their
//! `MethodType`, `displayName` or `@odata.type`.

use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::account_data::Cell;
use super::columns::{self, Field};
use super::values;

pub type Row = (usize, Vec<(Field, Cell<'static>)>);

/// A node whose scalars say nothing (where an object or a list was expected): skipped.
macro_rules! ignore_scalars {
    () => {
        fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
            Ok(())
        }
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
            Ok(())
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
            Ok(())
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
            Ok(())
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
            Ok(())
        }
        fn visit_unit<E: de::Error>(self) -> Result<(), E> {
            Ok(())
        }
    };
}

/// Rows of every document in the text, in order; `Err` with serde_json's message when the
/// text is not JSON (or has more after its last document).
pub fn rows(text: &str) -> Result<Vec<Row>, String> {
    let mut out = Vec::new();
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Doc>();
    for doc in stream.by_ref() {
        for row in doc.map_err(|e| e.to_string())?.0 {
            out.push((out.len() + 1, row));
        }
    }
    Ok(out)
}

/// One JSON document's rows.
struct Doc(Vec<Vec<(Field, Cell<'static>)>>);

impl<'de> de::Deserialize<'de> for Doc {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Doc, D::Error> {
        let mut rows = Vec::new();
        d.deserialize_any(Node { rows: &mut rows, owner: None })?;
        Ok(Doc(rows))
    }
}

/// Any value at the level of records: an object (a record, a page, a per-user map) or an
/// array of them. `owner`: the user a per-user method list belongs to.
struct Node<'r> {
    rows: &'r mut Vec<Vec<(Field, Cell<'static>)>>,
    owner: Option<&'r str>,
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a Graph page, an array of objects or an object")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(Node { rows: self.rows, owner: self.owner })?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut row: Vec<(Field, Cell<'static>)> = Vec::new();
        let method_object = self.owner.is_some();
        while let Some(k) = map.next_key::<String>()? {
            let kk = values::key(&k);
            if kk == "value" {
                map.next_value_seed(Node { rows: self.rows, owner: self.owner })?;
                continue;
            }
            if kk.starts_with("odata") && kk != "odatatype" {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            if method_object {
                // Inside a user's method list: the object's own `id` is the method's id.
                match kk.as_str() {
                    "id" => {
                        map.next_value::<IgnoredAny>()?;
                    }
                    // An email method's address is the alternate email.
                    "emailaddress" => row.push((Field::AuthEmail, map.next_value_seed(CellSeed)?)),
                    "odatatype" => {
                        if let Cell::Text(t) = map.next_value_seed(CellSeed)? {
                            if let Some(m) = method_of_odata_type(&t) {
                                row.push((Field::DefaultMethod, Cell::Text(std::borrow::Cow::Borrowed(m))));
                            }
                        }
                    }
                    _ => match columns::field(&k) {
                        Some(f) => row.push((f, map.next_value_seed(CellSeed)?)),
                        None => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    },
                }
                continue;
            }
            match columns::field(&k) {
                Some(f) => {
                    let cell = map.next_value_seed(CellSeed)?;
                    row.push((f, cell));
                }
                // A nested object's properties under this name, or a user's method list.
                None => map.next_value_seed(Nested { name: &k, row: &mut row, rows: self.rows })?,
            }
        }
        if !row.is_empty() {
            if let Some(owner) = self.owner {
                let f = if owner.contains('@') { Field::Upn } else { Field::ObjectId };
                row.push((f, Cell::Text(owner.to_string().into())));
            }
            self.rows.push(row);
        }
        Ok(())
    }

    ignore_scalars!();
}

/// `#microsoft.graph.phoneAuthenticationMethod` and its siblings → a method name.
fn method_of_odata_type(t: &str) -> Option<&'static str> {
    let name = t.rsplit('.').next().unwrap_or(t);
    Some(match name {
        "emailAuthenticationMethod" => "email",
        "microsoftAuthenticatorAuthenticationMethod" => "microsoftAuthenticatorPush",
        "softwareOathAuthenticationMethod" => "softwareOneTimePasscode",
        "hardwareOathAuthenticationMethod" => "hardwareOneTimePasscode",
        "fido2AuthenticationMethod" => "fido2SecurityKey",
        "windowsHelloForBusinessAuthenticationMethod" => "windowsHelloForBusiness",
        "temporaryAccessPassAuthenticationMethod" => "temporaryAccessPass",
        "platformCredentialAuthenticationMethod" => "macOsSecureEnclaveKey",
        _ => return None,
    })
}

/// The value of an unknown property: an object's properties are tried under
/// `name + property` (MSOnline's `StrongAuthenticationUserDetails`); an object whose
/// properties are method lists, or an array of them, is a user's methods keyed by `name`.
struct Nested<'a, 'r> {
    name: &'a str,
    row: &'a mut Vec<(Field, Cell<'static>)>,
    rows: &'r mut Vec<Vec<(Field, Cell<'static>)>>,
}

impl<'de> DeserializeSeed<'de> for Nested<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Nested<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let owner = self.name;
        while let Some(k) = map.next_key::<String>()? {
            let kk = values::key(&k);
            if kk == "value" {
                // { "<user>": { "value": [ methods ] } }
                map.next_value_seed(Node { rows: self.rows, owner: Some(owner) })?;
            } else if let Some(f) = columns::field(&format!("{}{}", self.name, k)) {
                self.row.push((f, map.next_value_seed(CellSeed)?));
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        // { "<user>": [ methods ] }
        while seq.next_element_seed(Node { rows: self.rows, owner: Some(self.name) })?.is_some() {}
        Ok(())
    }

    ignore_scalars!();
}

/// A property's value as a cell.
struct CellSeed;

impl<'de> DeserializeSeed<'de> for CellSeed {
    type Value = Cell<'static>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Cell<'static>, D::Error> {
        d.deserialize_any(CellVisitor)
    }
}

struct CellVisitor;

impl<'de> Visitor<'de> for CellVisitor {
    type Value = Cell<'static>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a value")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Cell<'static>, E> {
        Ok(Cell::Text(v.to_string().into()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Cell<'static>, E> {
        Ok(Cell::Text(v.into()))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Cell<'static>, E> {
        Ok(Cell::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Cell<'static>, E> {
        Ok(Cell::Text(v.to_string().into()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Cell<'static>, E> {
        Ok(Cell::Text(v.to_string().into()))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Cell<'static>, E> {
        // No property the audit reads is a fraction (phone numbers are strings in Graph).
        Ok(Cell::Null)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Cell<'static>, E> {
        Ok(Cell::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Cell<'static>, E> {
        Ok(Cell::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Cell<'static>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(ItemSeed)? {
            if let Some(s) = item {
                items.push(s);
            }
        }
        Ok(Cell::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Cell<'static>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Cell::Null)
    }
}

/// An item of a list: a string, or the naming property of an object.
struct ItemSeed;

impl<'de> DeserializeSeed<'de> for ItemSeed {
    type Value = Option<String>;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Option<String>, D::Error> {
        d.deserialize_any(ItemVisitor)
    }
}

struct ItemVisitor;

impl<'de> Visitor<'de> for ItemVisitor {
    type Value = Option<String>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list item")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Option<String>, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Option<String>, E> {
        Ok(None)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Option<String>, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Option<String>, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Option<String>, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Option<String>, E> {
        Ok(None)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Option<String>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<String>, A::Error> {
        let mut name = None;
        while let Some(k) = map.next_key::<String>()? {
            let kk = values::key(&k);
            if name.is_none() && matches!(kk.as_str(), "methodtype" | "displayname" | "odatatype" | "name" | "roledefinitionid") {
                if let Some(Some(v)) = map.next_value::<Option<IgnoredOr>>()?.map(|v| v.0) {
                    name = Some(if kk == "odatatype" { method_of_odata_type(&v).map_or(v.clone(), String::from) } else { v });
                }
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(name)
    }
}

/// A string, or nothing for any other value.
struct IgnoredOr(Option<String>);

impl<'de> de::Deserialize<'de> for IgnoredOr {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<IgnoredOr, D::Error> {
        Ok(IgnoredOr(d.deserialize_any(ItemVisitor)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<Vec<(Field, Cell<'static>)>> {
        rows(text).unwrap().into_iter().map(|(_, r)| r).collect()
    }

    #[test]
    fn a_graph_page_and_concatenated_pages() {
        let page = r#"{"@odata.context":"x","value":[{"userPrincipalName":"a@x","isAdmin":true,"methodsRegistered":["email"]}]}"#;
        let r = fields(page);
        assert_eq!(r[0][0], (Field::Upn, Cell::Text("a@x".into())));
        assert_eq!(r[0][2], (Field::MethodsRegistered, Cell::List(vec!["email".into()])));
        assert_eq!(fields(&format!("{page}\n{page}")).len(), 2);
        assert_eq!(fields(&format!("[{page},{page}]")).len(), 2);
    }

    #[test]
    fn per_user_method_lists() {
        let text = r##"{"a001":{"value":[{"id":"3179e48a-750b-4051-897c-87b9720928f7","phoneNumber":"+81 9012345678","phoneType":"mobile"}]},
                      "b@x":[{"@odata.type":"#microsoft.graph.emailAuthenticationMethod","id":"m","emailAddress":"r@y"}]}"##;
        let r = fields(text);
        assert_eq!(r.len(), 2);
        assert!(r[0].contains(&(Field::ObjectId, Cell::Text("a001".into()))));
        assert!(!r[0].iter().any(|(_, c)| *c == Cell::Text("3179e48a-750b-4051-897c-87b9720928f7".into())));
        assert!(r[1].contains(&(Field::Upn, Cell::Text("b@x".into()))));
        assert!(r[1].contains(&(Field::AuthEmail, Cell::Text("r@y".into()))));
    }

    #[test]
    fn msonline_objects() {
        let text = r#"[{"UserPrincipalName":"a@x","StrongAuthenticationUserDetails":{"PhoneNumber":"+1 4255550142","Email":"r@y"},
                        "StrongAuthenticationMethods":[{"IsDefault":true,"MethodType":"OneWaySMS"}]}]"#;
        let r = fields(text);
        assert!(r[0].contains(&(Field::AuthMobilePhone, Cell::Text("+1 4255550142".into()))));
        assert!(r[0].contains(&(Field::MethodsRegistered, Cell::List(vec!["OneWaySMS".into()]))));
    }

    #[test]
    fn not_json_is_an_error_not_a_panic() {
        assert!(rows("{").is_err());
        assert!(rows("[1,2").is_err());
        assert!(rows(&"[".repeat(100_000)).is_err());
    }
}
