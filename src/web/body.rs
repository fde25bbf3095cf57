//! Request bodies over the limit are refused with 413 in a way the client
//! can read: the rest of the body is read and thrown away (up to a bound, in
//! bounded time) before the answer is sent and the connection closed. A
//! server that answers and closes while the client is still sending makes
//! the kernel reset the connection, and the browser shows a network error
//! instead of the page.

use std::{pin::Pin, time::Duration};

use http_body::Frame;

use axum::{
    body::{Body, Bytes, HttpBody},
    extract::Request,
    http::{HeaderValue, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

use super::state::MAX_BODY_BYTES;

/// The most of an oversize body that is read and dropped so that the 413
/// reaches its client; a body declared larger than the limit plus this is
/// refused at once (its client may see a reset: bounded work comes first).
pub const DRAIN_BYTES: usize = 8 * 1024 * 1024;

/// How long the dropping may take, whatever the body's size.
const DRAIN_TIME: Duration = Duration::from_secs(10);

/// The body was larger than [`MAX_BODY_BYTES`].
#[derive(Debug)]
pub struct TooLarge;

/// Refuses a body declared too large before any handler runs, and closes
/// the connection after every 413 (the body may be partly unread).
pub async fn limit(request: Request, next: Next) -> Response {
    let declared =
        request.headers().get(header::CONTENT_LENGTH).and_then(|value| value.to_str().ok()?.parse::<u64>().ok());
    let mut response = match declared {
        Some(length) if length > MAX_BODY_BYTES as u64 => {
            if length <= (MAX_BODY_BYTES + DRAIN_BYTES) as u64 {
                drain(request.into_body()).await;
            }
            (StatusCode::PAYLOAD_TOO_LARGE, "Payload too large").into_response()
        }
        _ => next.run(request).await,
    };
    if response.status() == StatusCode::PAYLOAD_TOO_LARGE {
        response.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    response
}

/// Reads a whole body of at most [`MAX_BODY_BYTES`]; a longer one is
/// drained (see [`DRAIN_BYTES`]) and refused.
pub async fn read_bounded(mut body: Body) -> Result<Bytes, TooLarge> {
    let mut collected = Vec::new();
    while let Some(frame) = next_frame(&mut body).await {
        let Ok(frame) = frame else { return Err(TooLarge) };
        let Ok(data) = frame.into_data() else { continue };
        if collected.len() + data.len() > MAX_BODY_BYTES {
            drain(body).await;
            return Err(TooLarge);
        }
        collected.extend_from_slice(&data);
    }
    Ok(Bytes::from(collected))
}

/// Reads and drops the rest of a body: at most [`DRAIN_BYTES`], for at most
/// [`DRAIN_TIME`].
async fn drain(mut body: Body) {
    let dropping = async {
        let mut dropped = 0usize;
        while let Some(Ok(frame)) = next_frame(&mut body).await {
            dropped += frame.data_ref().map_or(0, Bytes::len);
            if dropped > DRAIN_BYTES {
                break;
            }
        }
    };
    let _ = tokio::time::timeout(DRAIN_TIME, dropping).await;
}

async fn next_frame(body: &mut Body) -> Option<Result<Frame<Bytes>, axum::Error>> {
    std::future::poll_fn(|cx| Pin::new(&mut *body).poll_frame(cx)).await
}
