package sportello.openai.wire;

/** The body of every non-2xx answer: {@code {"error": {"message","type","param","code"}}}; any key may be null. */
record ErrorEnvelope(ErrorBody error) {

    record ErrorBody(String message, String type, String param, String code) {}

    ApiError toApiError() {
        return error == null ? ApiError.NONE : new ApiError(error.type(), error.code(), error.message(), error.param());
    }
}
