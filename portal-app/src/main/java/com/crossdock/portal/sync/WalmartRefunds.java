package com.crossdock.portal.sync;

import com.crossdock.portal.channel.ChannelService;
import com.crossdock.portal.channel.NoSuchConnectionException;
import com.crossdock.portal.channel.walmart.WalmartApiException;
import com.crossdock.portal.channel.walmart.WalmartClient;
import com.crossdock.portal.channel.walmart.WalmartOrderParser.RefundLine;
import com.crossdock.portal.channel.walmart.WalmartPayloadException;
import com.crossdock.portal.channel.walmart.WalmartReturnParser;
import com.crossdock.tenantconfig.tenant.TenantId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Walmart's side of the returns write-back: an RMA's refund is one {@code POST /v3/orders/{purchaseOrderId}/refund}
 * with a line per purchase order line, its product charge and tax for the units that came back (as the order charged
 * them per unit), whether restocked or not (Walmart refunds the buyer either way). Walmart takes no idempotency key,
 * so the RMA's key goes in each line's {@code refundComments}; a signal that was POSTING when a run lost the answer
 * is looked up on the purchase order first and not sent twice.
 */
@Component
class WalmartRefunds implements RefundChannel {

    /** The refund reason (one of Walmart's codes) for units the buyer sent back. */
    static final String REASON = "CustomerChangedMind";

    private final ChannelService channels;
    private final WalmartReturnParser parser = new WalmartReturnParser();

    WalmartRefunds(ChannelService channels) {
        this.channels = channels;
    }

    @Override
    public String channel() {
        return "WALMART";
    }

    @Override
    public String label() {
        return "Walmart";
    }

    @Override
    public String where() {
        return "Seller Center";
    }

    @Override
    public Session open(TenantId tenant, UUID connectionId, List<Signal> due) {
        WalmartClient client = channels.walmartAccount(tenant, connectionId)
                .orElseThrow(() -> new NoSuchConnectionException(connectionId)).client();
        return signal -> {
            try {
                String order = client.order(signal.channelOrderId()).orElseThrow(() -> new Refused("Walmart has no "
                        + "purchase order " + signal.channelOrderId()));
                if (signal.posting()) {
                    Optional<String> sent = parser.refundWithComments(order, signal.idempotencyKey());
                    if (sent.isPresent()) {
                        return sent.get();
                    }
                }
                String after = client.refund(signal.channelOrderId(), lines(signal, parser.lineCharges(order)),
                        signal.idempotencyKey());
                return parser.refundWithComments(after, signal.idempotencyKey()).orElse(signal.idempotencyKey());
            } catch (WalmartApiException problem) {
                if (problem.refused()) {
                    throw new Refused(problem.getMessage());
                }
                throw new Unavailable(problem.getMessage(), problem);
            } catch (WalmartPayloadException unusable) {
                throw new Refused("Walmart's purchase order " + signal.channelOrderId() + " could not be read: "
                        + unusable.getMessage());
            }
        };
    }

    /** The units of each order line at the line's charge and tax per unit, negative as Walmart wants a refund. */
    private static List<RefundLine> lines(Signal signal, Map<String, WalmartReturnParser.LineCharge> charges) {
        Map<String, Integer> units = new LinkedHashMap<>();
        signal.lines().forEach(line -> units.merge(line.channelLineId(), line.quantity(), Integer::sum));
        List<RefundLine> lines = new ArrayList<>();
        units.forEach((lineNumber, quantity) -> {
            WalmartReturnParser.LineCharge charge = charges.get(lineNumber);
            if (charge == null) {
                throw new Refused("Purchase order " + signal.channelOrderId() + " has no line " + lineNumber);
            }
            BigDecimal count = BigDecimal.valueOf(quantity);
            lines.add(new RefundLine(lineNumber, charge.unitPrice().multiply(count).negate(),
                    charge.unitTax().multiply(count).negate(), charge.currency(), REASON, false));
        });
        return lines;
    }
}
