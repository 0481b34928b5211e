package com.hotlineops.dashboard.live;

import io.netty.buffer.ByteBuf;
import io.rsocket.metadata.AuthMetadataCodec;
import io.rsocket.metadata.CompositeMetadata;
import io.rsocket.metadata.RoutingMetadata;
import io.rsocket.metadata.WellKnownAuthType;
import io.rsocket.metadata.WellKnownMimeType;
import java.util.ArrayList;
import java.util.List;

/** What the fakes of the backend's RSocket streams read from a setup's or request's composite metadata. */
public final class RSocketMetadata {

    private static final String AUTHENTICATION = WellKnownMimeType.MESSAGE_RSOCKET_AUTHENTICATION.getString();
    private static final String ROUTING = WellKnownMimeType.MESSAGE_RSOCKET_ROUTING.getString();

    private RSocketMetadata() {
    }

    /** The bearer token of the authentication entry, or {@code null} without one. */
    public static String bearer(ByteBuf metadata) {
        for (CompositeMetadata.Entry entry : new CompositeMetadata(metadata.slice(), false)) {
            if (AUTHENTICATION.equals(entry.getMimeType())) {
                ByteBuf content = entry.getContent().slice();
                if (AuthMetadataCodec.isWellKnownAuthType(content)
                        && AuthMetadataCodec.readWellKnownAuthType(content) == WellKnownAuthType.BEARER) {
                    return new String(AuthMetadataCodec.readBearerTokenAsCharArray(content));
                }
            }
        }
        return null;
    }

    /** The route's tags, in order. */
    public static List<String> route(ByteBuf metadata) {
        List<String> tags = new ArrayList<>();
        for (CompositeMetadata.Entry entry : new CompositeMetadata(metadata.slice(), false)) {
            if (ROUTING.equals(entry.getMimeType())) {
                new RoutingMetadata(entry.getContent().slice()).forEach(tags::add);
            }
        }
        return tags;
    }
}
