//! The route table: every route the site answers, with its methods and the
//! area it belongs to. The router is built from it, and tests walk it (every
//! route gets hostile input; every write route is checked for its audit
//! record), so a route cannot be added where those checks do not see it.

use axum::{
    Router,
    handler::Handler,
    response::Response,
    routing::{self, MethodRouter},
};

use super::{area::Area, state::AppState};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    Get,
    Post,
}

/// What the table says about one route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteInfo {
    pub path: String,
    pub verbs: Vec<Verb>,
    pub area: Area,
    /// The query parameters a page reads. A request with any other is sent
    /// (301) to the same page without it, so invented parameters cannot
    /// force a render each; None: the route checks its own (API, forms).
    pub query: Option<&'static [&'static str]>,
}

impl RouteInfo {
    pub fn writes(&self) -> bool {
        self.verbs.contains(&Verb::Post)
    }
}

/// One row of the table: what it says, and the handlers that serve it.
pub struct Route {
    pub info: RouteInfo,
    handler: MethodRouter<AppState>,
}

impl Route {
    fn new(path: impl Into<String>, verbs: Vec<Verb>, area: Area, handler: MethodRouter<AppState>) -> Self {
        Self { info: RouteInfo { path: path.into(), verbs, area, query: None }, handler }
    }

    /// A public page that reads these query parameters (and `as_of`).
    pub fn page<H, T>(path: impl Into<String>, reads: &'static [&'static str], handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        let mut route = Self::get(Area::Public, path, handler);
        route.info.query = Some(reads);
        route
    }

    pub fn get<H, T>(area: Area, path: impl Into<String>, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        Self::new(path, vec![Verb::Get], area, routing::get(handler))
    }

    pub fn post<H, T>(area: Area, path: impl Into<String>, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        Self::new(path, vec![Verb::Post], area, routing::post(handler))
    }

    pub fn get_post<G, TG, P, TP>(area: Area, path: impl Into<String>, get: G, post: P) -> Self
    where
        G: Handler<TG, AppState>,
        TG: 'static,
        P: Handler<TP, AppState>,
        TP: 'static,
    {
        Self::new(path, vec![Verb::Get, Verb::Post], area, routing::get(get).post(post))
    }

    /// A route the table only describes, because another router serves it
    /// (the API's, generated with its OpenAPI document).
    pub fn described(area: Area, path: impl Into<String>, verbs: Vec<Verb>) -> RouteInfo {
        RouteInfo { path: path.into(), verbs, area, query: None }
    }
}

/// A router serving `routes`. Each route's area goes into the request's
/// extensions (for handlers) and the response's (for the outer layers: the
/// error pages leave the API's JSON alone).
pub fn build(routes: Vec<Route>) -> Router<AppState> {
    routes.into_iter().fold(Router::new(), |router, route| {
        let area = route.info.area;
        let handler = route
            .handler
            .layer::<_, std::convert::Infallible>(axum::middleware::map_response(
                move |mut response: Response| async move {
                    response.extensions_mut().insert(area);
                    response
                },
            ))
            .layer::<_, std::convert::Infallible>(axum::Extension(area));
        router.route(&route.info.path, handler)
    })
}
