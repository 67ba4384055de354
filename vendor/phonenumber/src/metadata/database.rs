// Copyright (C) 2017 1aim GmbH
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
// http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.

use crate::error;
use crate::metadata::loader;
use crate::pattern::CachedRegex;
use crate::Metadata;
use once_cell::sync::Lazy;
use std::borrow::Borrow;
use std::fs::File;
use std::hash::Hash;
use std::io::{BufReader, Cursor};
use std::path::Path;
use std::sync::Arc;

pub(crate) const BUNDLED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/database.bin"));

/// The Google provided metadata database, used as default.
pub static DEFAULT: Lazy<Database> = Lazy::new(|| Database::from(postcard::from_bytes(BUNDLED).unwrap()).unwrap());

/// SSPR Doctor patch: the bundled metadata as loaded from the XML, before any pattern is
/// compiled, so that a build script can split it (for example into one `Database` per
/// calling code) without building the global database.
pub fn bundled() -> Result<Vec<loader::Metadata>, error::LoadMetadata> {
    postcard::from_bytes(BUNDLED)
        .map_err(|e| error::LoadMetadata::from(error::Metadata::UnhandledEvent { phase: "bundled".into(), event: e.to_string() }))
}

/// Representation of a database of metadata for phone number.
#[derive(Clone, Debug)]
pub struct Database {
    // SSPR Doctor patch: one list instead of three hash maps (each map's functions cost
    // the WebAssembly module about 1.5 kB, and a database here holds one calling code's
    // few regions): for each calling code its main country first, as the maps kept it.
    all: Vec<Arc<super::Metadata>>,
}

impl Database {
    /// Load a database from the given file.
    pub fn load<P: AsRef<Path>>(path: P) -> Result<Self, error::LoadMetadata> {
        Database::from(loader::load(BufReader::new(File::open(path)?))?)
    }

    /// Parse a database from the given string.
    pub fn parse<S: AsRef<str>>(content: S) -> Result<Self, error::LoadMetadata> {
        Database::from(loader::load(Cursor::new(content.as_ref()))?)
    }

    /// Create a database from a loaded database.
    pub fn from(meta: Vec<loader::Metadata>) -> Result<Self, error::LoadMetadata> {
        fn tranpose<T, E>(value: Option<Result<T, E>>) -> Result<Option<T>, E> {
            match value {
                None => Ok(None),

                Some(Ok(value)) => Ok(Some(value)),

                Some(Err(err)) => Err(err),
            }
        }

        // SSPR Doctor patch: no syntax check here (the patterns were validated when the
        // metadata was built) and no shared LRU cache: each pattern compiles on first use.
        let regex = |value: String| -> Result<CachedRegex, error::LoadMetadata> { Ok(CachedRegex::new(value)) };

        // SSPR Doctor patch: the descriptor conversion is an out-of-line function, not a
        // closure inlined into each of the sixteen descriptor fields (this function was
        // 20 KB of WebAssembly, now 16 KB); it runs once per calling code, so the calls cost
        // nothing measurable.
        #[inline(never)]
        fn descriptor(desc: loader::Descriptor) -> Result<super::Descriptor, error::LoadMetadata> {
            Ok(super::Descriptor {
                // SSPR Doctor patch: a descriptor matches the whole national number
                // (libphonenumber's matchesEntirely), not just its start; and a
                // missing pattern is an error, not a panic.
                national_number: desc
                    .national_number
                    .ok_or_else(|| {
                        error::LoadMetadata::from(error::Metadata::MissingValue {
                            phase: "descriptor".into(),
                            name: "national_number".into(),
                        })
                    })
                    .map(CachedRegex::entire)?,

                possible_length: desc.possible_length,
                possible_local_length: desc.possible_local_length,
                example: desc.example,
            })
        }

        #[inline(never)]
        fn optional(desc: Option<loader::Descriptor>) -> Result<Option<super::Descriptor>, error::LoadMetadata> {
            desc.map(descriptor).transpose()
        }

        let format = |format: loader::Format| -> Result<super::Format, error::LoadMetadata> {
            Ok(super::Format {
                pattern: format
                    .pattern
                    .ok_or_else(|| {
                        error::LoadMetadata::from(error::Metadata::MissingValue { phase: "format".into(), name: "pattern".into() })
                    })
                    .and_then(regex)?,

                format: format.format.ok_or_else(|| {
                    error::LoadMetadata::from(error::Metadata::MissingValue { phase: "format".into(), name: "format".into() })
                })?,

                leading_digits: format.leading_digits.into_iter().map(&regex).collect::<Result<_, _>>()?,

                national_prefix: format.national_prefix_formatting_rule,
                national_prefix_optional: format.national_prefix_optional_when_formatting,

                domestic_carrier: format.domestic_carrier,
            })
        };

        let metadata = |meta: loader::Metadata| -> Result<super::Metadata, error::LoadMetadata> {
            Ok(super::Metadata {
                descriptors: super::Descriptors {
                    general: descriptor(meta.general.ok_or_else(|| {
                        error::LoadMetadata::from(error::Metadata::MissingValue { phase: "metadata".into(), name: "generalDesc".into() })
                    })?)?,

                    fixed_line: optional(meta.fixed_line)?,
                    mobile: optional(meta.mobile)?,
                    toll_free: optional(meta.toll_free)?,
                    premium_rate: optional(meta.premium_rate)?,
                    shared_cost: optional(meta.shared_cost)?,
                    personal_number: optional(meta.personal_number)?,
                    voip: optional(meta.voip)?,
                    pager: optional(meta.pager)?,
                    uan: optional(meta.uan)?,
                    emergency: optional(meta.emergency)?,
                    voicemail: optional(meta.voicemail)?,
                    short_code: optional(meta.short_code)?,
                    standard_rate: optional(meta.standard_rate)?,
                    carrier: optional(meta.carrier)?,
                    no_international: optional(meta.no_international)?,
                },

                id: meta.id.ok_or_else(|| {
                    error::LoadMetadata::from(error::Metadata::MissingValue { phase: "metadata".into(), name: "id".into() })
                })?,

                country_code: meta.country_code.ok_or_else(|| {
                    error::LoadMetadata::from(error::Metadata::MissingValue { phase: "metadata".into(), name: "countryCode".into() })
                })?,

                international_prefix: tranpose(meta.international_prefix.map(regex))?,
                preferred_international_prefix: meta.preferred_international_prefix,
                national_prefix: meta.national_prefix,
                preferred_extension_prefix: meta.preferred_extension_prefix,
                national_prefix_for_parsing: tranpose(meta.national_prefix_for_parsing.map(regex))?,
                national_prefix_transform_rule: meta.national_prefix_transform_rule,

                formats: meta.formats.into_iter().map(&format).collect::<Result<_, _>>()?,
                international_formats: meta.international_formats.into_iter().map(&format).collect::<Result<_, _>>()?,

                main_country_for_code: meta.main_country_for_code,
                leading_digits: tranpose(meta.leading_digits.map(regex))?,
                mobile_number_portable: meta.mobile_number_portable,
            })
        };

        let mut all: Vec<Arc<super::Metadata>> = Vec::new();
        for meta in meta {
            let meta = Arc::new(metadata(meta)?);
            // A main country goes before its code's others, as `insert(0, ..)` put it.
            let at = if meta.main_country_for_code {
                all.iter().position(|m| m.country_code == meta.country_code).unwrap_or(all.len())
            } else {
                all.len()
            };
            all.insert(at, meta);
        }

        Ok(Database { all })
    }

    /// Get a metadata entry by country ID.
    pub fn by_id<Q>(&self, key: &Q) -> Option<&super::Metadata>
    where
        Q: ?Sized + Hash + Eq,
        String: Borrow<Q>,
    {
        self.all.iter().find(|m| m.id.borrow() == key).map(AsRef::as_ref)
    }

    /// Get metadata entries by country code.
    pub fn by_code<Q>(&self, key: &Q) -> Option<Vec<&super::Metadata>>
    where
        Q: ?Sized + Hash + Eq,
        u16: Borrow<Q>,
    {
        let found: Vec<&super::Metadata> = self.all.iter().filter(|m| m.country_code.borrow() == key).map(AsRef::as_ref).collect();
        (!found.is_empty()).then_some(found)
    }

    /// Get all country IDs corresponding to the given country code.
    pub fn region<Q>(&self, code: &Q) -> Option<Vec<&str>>
    where
        Q: ?Sized + Hash + Eq,
        u16: Borrow<Q>,
    {
        let found: Vec<&str> = self.all.iter().filter(|m| m.country_code.borrow() == code).map(|m| m.id.as_str()).collect();
        (!found.is_empty()).then_some(found)
    }

    /// Iterator over all `Metadata` entries in this database.
    pub fn iter(&self) -> impl Iterator<Item = &Metadata> {
        self.all.iter().map(AsRef::as_ref)
    }
}
