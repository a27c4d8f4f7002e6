//! Bilingual strings: static labels and help ([`Text`]), and messages built at run time
//! ([`Msg`]). karmada.io is served in English and Simplified Chinese; so is every string here.

use members_feed::Lang;

/// A static string in English and Simplified Chinese (labels, help, option names).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    pub en: &'static str,
    pub zh: &'static str,
}

impl Text {
    pub const fn new(en: &'static str, zh: &'static str) -> Text {
        Text { en, zh }
    }

    /// The same in both languages (an address, a version, a user name).
    pub const fn same(text: &'static str) -> Text {
        Text { en: text, zh: text }
    }

    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Zh => self.zh,
        }
    }
}

/// A message built at run time (validation errors), in English and Simplified Chinese.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Msg {
    pub en: String,
    pub zh: String,
}

impl Msg {
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Msg {
        Msg {
            en: en.into(),
            zh: zh.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }
}

impl From<Text> for Msg {
    fn from(text: Text) -> Msg {
        Msg::new(text.en, text.zh)
    }
}
