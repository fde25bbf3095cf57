//! Who makes a change: a signed-in person, an operator at the command line,
//! or the seed loader. Every stored change names one.

/// Who made a change, and from where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub username: String,
    pub client_addr: Option<String>,
}

impl Actor {
    /// A change made by the program itself (seeding, maintenance), with no
    /// client address.
    pub fn system(name: &str) -> Self {
        Self { username: name.to_owned(), client_addr: None }
    }
}
