//! A member for the crate's own tests: an adopter with an id, a name and a website, nothing else.

use members_feed::{Kind, Localized, Member};

pub(crate) fn member(id: &str, name: &str) -> Member {
    Member {
        id: id.into(),
        name: Localized::en(name.into()),
        aliases: Vec::new(),
        kinds: vec![Kind::Adopter],
        website: format!("https://{id}.example/"),
        industry: None,
        country: None,
        logo: None,
        usage: Localized::en(String::new()),
        joined: None,
        announcement: None,
        case_studies: Vec::new(),
        partner: None,
        featured: None,
    }
}
