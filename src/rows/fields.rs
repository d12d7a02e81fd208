//! Reading any `Serialize` row as a sequence of named cells, without knowing its type: a small
//! serde serializer that hands each field to a callback. Text is lent for the length of the
//! call, so a CSV export writes SQLite's strings without copying them into cells first.

use serde::ser::{self, Serialize};

/// One field of a row, borrowed for the length of a callback.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CellRef<'a> {
    Null,
    Int(i64),
    Float(f64),
    Bool(bool),
    Text(&'a str),
    List(&'a [String]),
}

/// Why a row could not be read as cells: a type the renderer does not print, or the output
/// failed (kept as an `io::Error`, so a closed pipe stays a closed pipe).
#[derive(Debug)]
pub enum FieldError {
    Io(std::io::Error),
    Unsupported(String),
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FieldError::Io(e) => write!(f, "{e}"),
            FieldError::Unsupported(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for FieldError {}

impl ser::Error for FieldError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        FieldError::Unsupported(msg.to_string())
    }
}

impl From<std::io::Error> for FieldError {
    fn from(e: std::io::Error) -> Self {
        FieldError::Io(e)
    }
}

impl From<FieldError> for std::io::Error {
    fn from(e: FieldError) -> Self {
        match e {
            FieldError::Io(io) => io,
            FieldError::Unsupported(m) => std::io::Error::other(m),
        }
    }
}

/// Calls `f` with each field of `row` (a struct, or a struct of structs, flattened) in the
/// order the type declares them.
pub fn visit<R, F>(row: &R, f: &mut F) -> Result<(), FieldError>
where
    R: Serialize + ?Sized,
    F: FnMut(&'static str, CellRef<'_>) -> Result<(), FieldError>,
{
    row.serialize(FieldSer { key: "", f })
}

/// The plain text of a scalar (for list items).
fn scalar_text<T: Serialize + ?Sized>(value: &T) -> Result<String, FieldError> {
    let mut out = String::new();
    value.serialize(FieldSer {
        key: "",
        f: &mut |_, c: CellRef<'_>| {
            out = match c {
                CellRef::Null => String::new(),
                CellRef::Int(n) => n.to_string(),
                CellRef::Float(x) => x.to_string(),
                CellRef::Bool(b) => b.to_string(),
                CellRef::Text(s) => s.to_string(),
                CellRef::List(items) => items.join("; "),
            };
            Ok(())
        },
    })?;
    Ok(out)
}

struct FieldSer<'a, F> {
    key: &'static str,
    f: &'a mut F,
}

/// Collects a list cell's items, then hands the list on.
struct ListSer<'a, F> {
    key: &'static str,
    f: &'a mut F,
    items: Vec<String>,
}

fn unsupported<T>(what: &str) -> Result<T, FieldError> {
    Err(FieldError::Unsupported(format!("a row cannot hold {what}")))
}

impl<'a, F> ser::Serializer for FieldSer<'a, F>
where
    F: FnMut(&'static str, CellRef<'_>) -> Result<(), FieldError>,
{
    type Ok = ();
    type Error = FieldError;
    type SerializeSeq = ListSer<'a, F>;
    type SerializeTuple = ListSer<'a, F>;
    type SerializeTupleStruct = ser::Impossible<(), FieldError>;
    type SerializeTupleVariant = ser::Impossible<(), FieldError>;
    type SerializeMap = ser::Impossible<(), FieldError>;
    type SerializeStruct = Self;
    type SerializeStructVariant = ser::Impossible<(), FieldError>;

    fn serialize_bool(self, v: bool) -> Result<(), FieldError> {
        (self.f)(self.key, CellRef::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<(), FieldError> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), FieldError> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), FieldError> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), FieldError> {
        (self.f)(self.key, CellRef::Int(v))
    }
    fn serialize_u8(self, v: u8) -> Result<(), FieldError> {
        self.serialize_i64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), FieldError> {
        self.serialize_i64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), FieldError> {
        self.serialize_i64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), FieldError> {
        match i64::try_from(v) {
            Ok(n) => self.serialize_i64(n),
            Err(_) => unsupported("a number above 2^63"),
        }
    }
    fn serialize_f32(self, v: f32) -> Result<(), FieldError> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<(), FieldError> {
        (self.f)(self.key, CellRef::Float(v))
    }
    fn serialize_char(self, v: char) -> Result<(), FieldError> {
        let mut buf = [0u8; 4];
        (self.f)(self.key, CellRef::Text(v.encode_utf8(&mut buf)))
    }
    fn serialize_str(self, v: &str) -> Result<(), FieldError> {
        (self.f)(self.key, CellRef::Text(v))
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), FieldError> {
        unsupported("bytes")
    }
    fn serialize_none(self) -> Result<(), FieldError> {
        (self.f)(self.key, CellRef::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), FieldError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), FieldError> {
        (self.f)(self.key, CellRef::Null)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), FieldError> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), FieldError> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), FieldError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), FieldError> {
        unsupported("an enum with data")
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<ListSer<'a, F>, FieldError> {
        Ok(ListSer { key: self.key, f: self.f, items: Vec::with_capacity(len.unwrap_or(0)) })
    }
    fn serialize_tuple(self, len: usize) -> Result<ListSer<'a, F>, FieldError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, FieldError> {
        unsupported("a tuple struct")
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, FieldError> {
        unsupported("an enum with data")
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, FieldError> {
        unsupported("a map")
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, FieldError> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, FieldError> {
        unsupported("an enum with data")
    }
}

impl<F> ser::SerializeStruct for FieldSer<'_, F>
where
    F: FnMut(&'static str, CellRef<'_>) -> Result<(), FieldError>,
{
    type Ok = ();
    type Error = FieldError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), FieldError> {
        value.serialize(FieldSer { key, f: &mut *self.f })
    }
    fn skip_field(&mut self, _: &'static str) -> Result<(), FieldError> {
        Ok(())
    }
    fn end(self) -> Result<(), FieldError> {
        Ok(())
    }
}

impl<F> ser::SerializeSeq for ListSer<'_, F>
where
    F: FnMut(&'static str, CellRef<'_>) -> Result<(), FieldError>,
{
    type Ok = ();
    type Error = FieldError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), FieldError> {
        self.items.push(scalar_text(value)?);
        Ok(())
    }
    fn end(self) -> Result<(), FieldError> {
        (self.f)(self.key, CellRef::List(&self.items))
    }
}

impl<F> ser::SerializeTuple for ListSer<'_, F>
where
    F: FnMut(&'static str, CellRef<'_>) -> Result<(), FieldError>,
{
    type Ok = ();
    type Error = FieldError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), FieldError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<(), FieldError> {
        ser::SerializeSeq::end(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize)]
    struct Inner {
        c: Option<i64>,
    }

    #[derive(serde::Serialize)]
    struct Row {
        a: i64,
        b: &'static str,
        tags: Vec<String>,
        #[serde(flatten)]
        inner: Inner,
        w: f64,
        ok: bool,
    }

    #[test]
    fn fields_come_in_declared_order_with_their_names() {
        let row = Row {
            a: 7,
            b: "انشقاق",
            tags: vec!["x".into(), "y".into()],
            inner: Inner { c: None },
            w: 0.5,
            ok: true,
        };
        let mut seen = Vec::new();
        let r = visit(&row, &mut |k, c| {
            seen.push(format!("{k}={c:?}"));
            Ok(())
        });
        // serde's flatten goes through a map, which a row cannot hold: flatten is refused.
        assert!(r.is_err());
        #[derive(serde::Serialize)]
        struct Flat {
            a: i64,
            tags: Vec<String>,
            c: Option<i64>,
        }
        seen.clear();
        visit(&Flat { a: 1, tags: vec!["x".into()], c: None }, &mut |k, c| {
            seen.push(format!("{k}={c:?}"));
            Ok(())
        })
        .unwrap();
        assert_eq!(seen, ["a=Int(1)", "tags=List([\"x\"])", "c=Null"]);
    }
}
