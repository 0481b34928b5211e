package com.hotlineops.contract.call;

/**
 * The answer to an Asterisk {@code queue_log} upload: lines read, lines of events that do not concern the figures
 * (e.g. {@code RINGNOANSWER}, {@code QUEUESTART}) and the result for the CTI events the other lines map to;
 * rejections carry the line number in the upload.
 */
public record QueueLogIngestResult(int lines, int ignored, CtiIngestResult events) {
}
