//! The parts of the site, as the route table assigns them.

/// Which part of the site a route belongs to. The layers that differ per
/// part (rate limit, caching, CORS, `no-store`) are attached per area, from
/// this, never from a look at the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Area {
    /// Public HTML pages, feeds, downloads and assets: anonymous, cacheable,
    /// rate-limited.
    Public,
    /// Signed-in pages and forms: never cached, never rate-limited as reads.
    Admin,
    /// The JSON API: errors as JSON, CORS.
    Api,
    /// robots.txt and the sitemap.
    Service,
    /// The health check: always live, never cached or limited.
    Health,
}

impl Area {
    /// Answers that are the same for every visitor: the page cache keeps
    /// them, and the per-client read limit counts them.
    pub fn is_shared(self) -> bool {
        matches!(self, Area::Public | Area::Api | Area::Service)
    }
}

/// What the request context learns of a request's route before routing.
#[derive(Debug, Clone, Copy)]
pub struct RouteKnowledge {
    pub area: Area,
    pub query: Option<&'static [&'static str]>,
}
