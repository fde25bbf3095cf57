//! The request context: what every part of request handling needs to know
//! about a request, worked out once, by one middleware, before anything else
//! reads it. Pages, admin, feeds, the API, error pages, the rate limiter and
//! the page cache all read it from the request's extensions, so they cannot
//! disagree about a request's language, client or date.

use std::net::{IpAddr, SocketAddr};

use axum::{
    extract::{ConnectInfo, FromRequestParts, Request, State},
    http::{HeaderMap, Method, header, request::Parts},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};
use chrono::NaiveDate;

use super::{area::Area, state::AppState};
use crate::{
    domain::as_of::{self, AsOfError},
    i18n::Lang,
};

#[derive(Debug, Clone)]
pub struct RequestContext {
    /// The path's language prefix, else the browser's Accept-Language, else
    /// the configured default.
    pub lang: Lang,
    /// False when the language was negotiated: the answer then varies with
    /// Accept-Language.
    pub lang_in_path: bool,
    /// The client's address: the last X-Forwarded-For hop when the proxy is
    /// trusted, else the peer's. None only without connection info (tests
    /// that call the router directly).
    pub client_addr: Option<IpAddr>,
    /// `?as_of=`, parsed by the one parser; a malformed or future date is
    /// kept as its error, for the page or the API to refuse in its format.
    pub as_of: Result<Option<NaiveDate>, AsOfError>,
    /// The part of the site the route belongs to, from the route table.
    pub area: Area,
    /// The site's address for absolute links: the configured public URL, or
    /// the Host the request came to.
    pub origin: String,
    /// Where a page asked for with query parameters it does not read is:
    /// the same path with only those it reads.
    pub canonical: Option<String>,
}

impl RequestContext {
    pub fn of(parts: &Parts, state: &AppState) -> Self {
        let path = parts.uri.path();
        let prefix = Lang::split_path(path).map(|(lang, _)| lang);
        let lang = prefix.unwrap_or_else(|| {
            let header = parts.headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
            Lang::negotiate(header, state.default_lang)
        });
        let today = chrono::Utc::now().date_naive();
        let known = state.areas.at(path).ok().map(|found| *found.value);
        Self {
            lang,
            lang_in_path: prefix.is_some(),
            client_addr: client_addr(parts, state.trust_forwarded_for),
            as_of: as_of::parse(query_value(parts.uri.query(), "as_of"), today),
            area: known.map_or(Area::Public, |k| k.area),
            canonical: known.and_then(|k| k.query).and_then(|reads| canonical(&parts.uri, reads)),
            origin: origin(&parts.headers, state.public_url.as_deref()),
        }
    }

    /// The client's address as the audit trail and the logs record it.
    pub fn client_label(&self) -> String {
        self.client_addr.map_or_else(|| "unknown".to_owned(), |addr| addr.to_string())
    }
}

/// The middleware that attaches the context; the outermost but one layer.
pub async fn attach(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let (mut parts, body) = request.into_parts();
    let context = RequestContext::of(&parts, &state);
    if let Some(location) = context.canonical.as_deref()
        && (parts.method == Method::GET || parts.method == Method::HEAD)
    {
        // Invented parameters would make every request a new page to
        // render: send the visitor to the page they mean instead.
        return Redirect::permanent(location).into_response();
    }
    parts.extensions.insert(context);
    next.run(Request::from_parts(parts, body)).await
}

/// Handlers take the context as an extractor.
impl<S: Send + Sync> FromRequestParts<S> for RequestContext {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(parts.extensions.get::<RequestContext>().cloned().unwrap_or_else(|| {
            // Every request passes `attach`; a router used without it (none
            // is) would still get a usable, conservative context.
            RequestContext {
                lang: Lang::split_path(parts.uri.path()).map_or(Lang::Kk, |(lang, _)| lang),
                lang_in_path: true,
                client_addr: None,
                as_of: Ok(None),
                area: Area::Public,
                origin: "http://localhost".to_owned(),
                canonical: None,
            }
        }))
    }
}

/// The context of a request, for middleware that holds the whole request.
pub fn of_request(request: &Request) -> Option<&RequestContext> {
    request.extensions().get::<RequestContext>()
}

fn client_addr(parts: &Parts, trust_forwarded_for: bool) -> Option<IpAddr> {
    let forwarded = trust_forwarded_for
        .then(|| parts.headers.get("x-forwarded-for").and_then(|v| v.to_str().ok()))
        .flatten()
        // The last hop is the one our proxy added; earlier ones are the
        // client's word.
        .and_then(|v| v.split(',').next_back())
        .and_then(|v| v.trim().parse::<IpAddr>().ok());
    forwarded.or_else(|| parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|ConnectInfo(addr)| addr.ip()))
}

fn origin(headers: &HeaderMap, public_url: Option<&str>) -> String {
    if let Some(url) = public_url {
        return url.trim_end_matches('/').to_owned();
    }
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .filter(|h| h.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']')));
    format!("http://{}", host.unwrap_or("localhost"))
}

/// The address without the query parameters the page does not read, when
/// it has any (names compared undecoded: a page's names are plain ASCII).
fn canonical(uri: &axum::http::Uri, reads: &[&str]) -> Option<String> {
    let query = uri.query()?;
    let name = |pair: &str| pair.split_once('=').map_or(pair, |(name, _)| name).to_owned();
    let pairs: Vec<&str> = query.split('&').filter(|pair| !pair.is_empty()).collect();
    if pairs.iter().all(|pair| reads.contains(&name(pair).as_str())) {
        return None;
    }
    let kept: Vec<&str> = pairs.into_iter().filter(|pair| reads.contains(&name(pair).as_str())).collect();
    let path = uri.path();
    Some(if kept.is_empty() { path.to_owned() } else { format!("{path}?{}", kept.join("&")) })
}

/// The first value of a query parameter, undecoded (dates need no decoding;
/// anything percent-encoded is not a date and is refused as such).
fn query_value<'q>(query: Option<&'q str>, name: &str) -> Option<&'q str> {
    query?.split('&').filter_map(|pair| pair.split_once('=')).find(|(k, _)| *k == name).map(|(_, v)| v)
}
