package com.hotlineops.mobile.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.hotlineops.contract.ticket.TicketView;
import com.hotlineops.mobile.MobileApiIntegrationTestSupport;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Photo evidence over REST: content-checked, size-limited, idempotent by content, isolated like the ticket. */
class PhotoEvidenceIntegrationTests extends MobileApiIntegrationTestSupport {

    private static byte[] image(String format) throws IOException {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        img.setRGB(10, 10, 0xFF8800);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    private TicketView acceptedBy(String worker) {
        TicketView ticket = dispatchedTicket("T01-G01");
        http().post().uri("/mobile/v1/tickets/{id}/accept", ticket.id())
                .headers(h -> h.setBearerAuth(accessToken(worker)))
                .bodyValue(Map.of("commandId", UUID.randomUUID()))
                .exchange().expectStatus().isOk();
        return ticket;
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec upload(UUID ticket, String worker,
            byte[] bytes, MediaType declared) {
        return http().post().uri("/mobile/v1/tickets/{id}/photos", ticket)
                .headers(h -> h.setBearerAuth(accessToken(worker)))
                .contentType(declared)
                .bodyValue(bytes)
                .exchange();
    }

    @Test
    void photoOnAcceptedTicketThenStoredListedAndServedAndARetryIsTheSamePhoto() throws IOException {
        TicketView ticket = acceptedBy("worker1");
        byte[] png = image("png");

        upload(ticket.id(), "worker1", png, MediaType.APPLICATION_OCTET_STREAM)
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.contentType").isEqualTo("image/png")
                .jsonPath("$.sizeBytes").isEqualTo(png.length);
        upload(ticket.id(), "worker1", png, MediaType.IMAGE_PNG).expectStatus().isOk();
        upload(ticket.id(), "worker1", image("jpg"), MediaType.IMAGE_JPEG)
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.contentType").isEqualTo("image/jpeg");

        http().get().uri("/mobile/v1/tickets/{id}/photos", ticket.id())
                .headers(h -> h.setBearerAuth(accessToken("worker1")))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(2);
        String photoId = http().get().uri("/mobile/v1/tickets/{id}/photos", ticket.id())
                .headers(h -> h.setBearerAuth(accessToken("worker1")))
                .exchange().expectBody(com.hotlineops.core.evidence.Photo[].class).returnResult()
                .getResponseBody()[0].id().toString();
        byte[] served = http().get().uri("/mobile/v1/tickets/{id}/photos/{photo}", ticket.id(), photoId)
                .headers(h -> h.setBearerAuth(accessToken("worker1")))
                .exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(served).isEqualTo(png);
    }

    @Test
    void textNamedAsJpegThenUnsupportedMediaTypeAndNothingStored() {
        TicketView ticket = acceptedBy("worker1");

        upload(ticket.id(), "worker1", "not really a photo".getBytes(StandardCharsets.UTF_8), MediaType.IMAGE_JPEG)
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http().get().uri("/mobile/v1/tickets/{id}/photos", ticket.id())
                .headers(h -> h.setBearerAuth(accessToken("worker1")))
                .exchange().expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void photoOverTenMegabytesThenContentTooLarge() throws IOException {
        TicketView ticket = acceptedBy("worker1");
        byte[] png = image("png");
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(png, 0, big, 0, png.length);

        upload(ticket.id(), "worker1", big, MediaType.IMAGE_PNG).expectStatus().isEqualTo(413);
    }

    @Test
    void workerOfAnotherGridOrColleagueWhoDidNotAcceptThenNotFound() throws IOException {
        TicketView ticket = acceptedBy("worker1");

        upload(ticket.id(), "worker3", image("png"), MediaType.IMAGE_PNG).expectStatus().isNotFound();
        http().get().uri("/mobile/v1/tickets/{id}/photos", ticket.id())
                .headers(h -> h.setBearerAuth(accessToken("worker3")))
                .exchange().expectStatus().isNotFound();
        upload(ticket.id(), "worker2", image("png"), MediaType.IMAGE_PNG).expectStatus().isNotFound();
    }

    @Test
    void photoBeforeAcceptThenConflict() throws IOException {
        TicketView ticket = dispatchedTicket("T01-G01");

        upload(ticket.id(), "worker1", image("png"), MediaType.IMAGE_PNG).expectStatus().isEqualTo(409);
    }
}
