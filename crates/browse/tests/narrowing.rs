//! Typing narrows the search among the previous keystroke's matches
//! ([`browse::browse_with_facets_after`]): whatever is typed, deleted or pasted, every step
//! gives exactly what a fresh [`browse::browse_with_facets`] gives.

use browse::{browse_with_facets, browse_with_facets_after, FilterState, SearchIndex};
use members_feed::{parse_feed, Kind, Member};
use proptest::prelude::*;

fn feed() -> Vec<Member> {
    parse_feed(include_str!("fixtures/twelve-members.json"))
        .unwrap()
        .members
}

/// One edit of the search box.
#[derive(Clone, Debug)]
enum Edit {
    Type(char),
    Delete,
    Replace(String),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        6 => proptest::sample::select(vec!['a', 'c', 'l', 'u', 's', 't', 'e', 'r', 'g', 'p', 'o', 'n', ' ', 'É', '多', '集', '群'])
            .prop_map(Edit::Type),
        2 => Just(Edit::Delete),
        1 => "[a-z ]{0,6}".prop_map(Edit::Replace),
    ]
}

proptest! {
    #[test]
    fn narrowed_search_equals_a_fresh_one_at_every_keystroke(
        edits in proptest::collection::vec(edit(), 1..40),
        adopters_only in any::<bool>(),
    ) {
        let members = feed();
        let index = SearchIndex::new(&members);
        let mut state = FilterState::default();
        if adopters_only {
            state.kinds.insert(Kind::Adopter);
        }
        let mut previous = None;
        for edit in edits {
            match edit {
                Edit::Type(c) => state.query.push(c),
                Edit::Delete => {
                    state.query.pop();
                }
                Edit::Replace(text) => state.query = text,
            }
            let (shown, facets, matches) =
                browse_with_facets_after(&members, &index, &state, previous.as_ref());
            prop_assert_eq!((shown, facets), browse_with_facets(&members, &index, &state), "query {:?}", state.query);
            previous = Some(matches);
        }
    }
}
