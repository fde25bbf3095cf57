//! Decoding the domain's enumerations from the text keys the database stores,
//! once, here: a row with a key the domain does not know fails to decode
//! (an error in one place) instead of travelling on as a string.

use sqlx::{Database, Decode, Postgres, Sqlite, Type, error::BoxDynError};

use crate::domain::{Status, account::Role, certainty::Certainty, content::ContentKind, results::RuleKind};

macro_rules! text_keyed {
    ($($ty:ty),* $(,)?) => {$(
        impl Type<Sqlite> for $ty {
            fn type_info() -> <Sqlite as Database>::TypeInfo {
                <String as Type<Sqlite>>::type_info()
            }
            fn compatible(ty: &<Sqlite as Database>::TypeInfo) -> bool {
                <String as Type<Sqlite>>::compatible(ty)
            }
        }

        impl Type<Postgres> for $ty {
            fn type_info() -> <Postgres as Database>::TypeInfo {
                <String as Type<Postgres>>::type_info()
            }
            fn compatible(ty: &<Postgres as Database>::TypeInfo) -> bool {
                <String as Type<Postgres>>::compatible(ty)
            }
        }

        impl<'r> Decode<'r, Sqlite> for $ty {
            fn decode(value: <Sqlite as Database>::ValueRef<'r>) -> Result<Self, BoxDynError> {
                Ok(<&str as Decode<'r, Sqlite>>::decode(value)?.parse::<$ty>()?)
            }
        }

        impl<'r> Decode<'r, Postgres> for $ty {
            fn decode(value: <Postgres as Database>::ValueRef<'r>) -> Result<Self, BoxDynError> {
                Ok(<&str as Decode<'r, Postgres>>::decode(value)?.parse::<$ty>()?)
            }
        }
    )*};
}

text_keyed!(Status, Role, Certainty, RuleKind, ContentKind);
