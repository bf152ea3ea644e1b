//! The tag and label sets: spaCy's English fine-grained (Penn Treebank)
//! tags and its ClearNLP-style dependency labels.

use std::fmt;
use std::str::FromStr;

use crate::Error;

/// spaCy's English fine-grained part-of-speech tags.
pub const TAGS: &[&str] = &[
    "$", "''", ",", "-LRB-", "-RRB-", ".", ":", "ADD", "AFX", "CC", "CD", "DT", "EX", "FW", "HYPH",
    "IN", "JJ", "JJR", "JJS", "LS", "MD", "NFP", "NN", "NNP", "NNPS", "NNS", "PDT", "POS", "PRP",
    "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ",
    "WDT", "WP", "WP$", "WRB", "XX", "_SP", "``",
];

/// The `TAGS` entry equal to `name`.
pub(crate) fn static_tag(name: &str) -> Result<&'static str, Error> {
    TAGS.iter()
        .find(|t| **t == name)
        .copied()
        .ok_or_else(|| Error::Model(format!("unknown tag {name:?}")))
}

macro_rules! deps {
    ($($variant:ident = $name:literal,)*) => {
        /// A dependency label (spaCy's English label set).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Dep {
            $(#[doc = concat!("`", $name, "`")] $variant,)*
        }

        impl Dep {
            /// Every label, in spaCy's order.
            pub const ALL: &'static [Dep] = &[$(Dep::$variant,)*];

            /// spaCy's name of the label.
            pub fn as_str(self) -> &'static str {
                match self { $(Dep::$variant => $name,)* }
            }
        }

        impl FromStr for Dep {
            type Err = Error;
            fn from_str(s: &str) -> Result<Self, Error> {
                match s {
                    $($name => Ok(Dep::$variant),)*
                    other => Err(Error::Model(format!("unknown label {other:?}"))),
                }
            }
        }
    };
}

deps! {
    Root = "ROOT", Acl = "acl", Acomp = "acomp", Advcl = "advcl", Advmod = "advmod",
    Agent = "agent", Amod = "amod", Appos = "appos", Attr = "attr", Aux = "aux",
    Auxpass = "auxpass", Case = "case", Cc = "cc", Ccomp = "ccomp", Compound = "compound",
    Conj = "conj", Csubj = "csubj", Csubjpass = "csubjpass", Dative = "dative", Dep = "dep",
    Det = "det", Dobj = "dobj", Expl = "expl", Intj = "intj", Mark = "mark", Meta = "meta",
    Neg = "neg", Nmod = "nmod", Npadvmod = "npadvmod", Nsubj = "nsubj", Nsubjpass = "nsubjpass",
    Nummod = "nummod", Oprd = "oprd", Parataxis = "parataxis", Pcomp = "pcomp", Pobj = "pobj",
    Poss = "poss", Preconj = "preconj", Predet = "predet", Prep = "prep", Prt = "prt",
    Punct = "punct", Quantmod = "quantmod", Relcl = "relcl", Xcomp = "xcomp",
}

impl Dep {
    /// A subject: `nsubj`, `nsubjpass`, `csubj` or `csubjpass`.
    pub fn is_subject(self) -> bool {
        matches!(
            self,
            Dep::Nsubj | Dep::Nsubjpass | Dep::Csubj | Dep::Csubjpass
        )
    }
}

impl fmt::Display for Dep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
