package com.hotlineops.mobile.rsocket;

import com.hotlineops.mobile.MobileProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.rsocket.context.RSocketServerBootstrap;
import org.springframework.boot.rsocket.netty.NettyRSocketServerFactory;
import org.springframework.boot.rsocket.server.RSocketServer;
import org.springframework.boot.rsocket.server.RSocketServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.messaging.rsocket.annotation.support.RSocketMessageHandler;

/**
 * The RSocket TCP server, beside the WebSocket endpoint that Spring Boot maps on the HTTP port. Boot starts only one
 * of the two by itself, so this one is built here from the same message handler and the same
 * {@link RSocketServerCustomizer}s, among them Spring Security's socket acceptor interceptor.
 */
@Configuration(proxyBeanMethods = false)
class RSocketTcpServerConfiguration {

    @Bean
    RSocketServerBootstrap rsocketTcpServer(MobileProperties properties, RSocketMessageHandler handler,
            ObjectProvider<RSocketServerCustomizer> customizers, ObjectProvider<ReactorResourceFactory> resources) {
        NettyRSocketServerFactory factory = new NettyRSocketServerFactory();
        factory.setTransport(RSocketServer.Transport.TCP);
        factory.setPort(properties.rsocketPort());
        resources.ifAvailable(factory::setResourceFactory);
        factory.setRSocketServerCustomizers(customizers.orderedStream().toList());
        return new RSocketServerBootstrap(factory, handler.responder());
    }
}
