//! Counts and exports (JSON, CSV, GeoJSON) of truces, claims and incidents.

use crate::Ledger;
use serde::Serialize;

/// How much the ledger holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub documents: usize,
    pub claims: usize,
    pub truces: usize,
    pub incidents: usize,
    pub violations: usize,
    pub disputes: usize,
}

impl Ledger {
    /// Documents, claims, truces, incidents (`incident.*` claims),
    /// violations (explicit and inferred) and disputes.
    pub fn counts(&self) -> Counts {
        Counts {
            documents: self.docs.len(),
            claims: self.claims.len(),
            truces: self.truces.len(),
            incidents: self
                .claims
                .iter()
                .filter(|s| s.claim.kind.as_str().starts_with("incident."))
                .count(),
            violations: self.violations(None).len(),
            disputes: self.disputes().len(),
        }
    }
}
