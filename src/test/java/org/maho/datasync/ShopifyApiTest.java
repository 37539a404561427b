package org.maho.datasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.maho.datasync.cli.ExitCode;
import org.maho.datasync.db.ConnectionSettings;

/**
 * {@code -a shopify --url}: no Shopify shop is reachable from here, so the Admin API is a local HTTP server that speaks
 * its documented bulk-operation protocol ({@code bulkOperationRunQuery}, the operation polled by id ({@code node}) from
 * CREATED through RUNNING to COMPLETED with the JSONL file's URL, nested objects on lines of their own with {@code
 * __parentId}, not always right after their parent), its access-token header and its cost-based throttling (a THROTTLED
 * answer with the bucket's state). What it serves arrives in the clean install as an export's would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShopifyApiTest {

    private static final String TOKEN = "shpat_test";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Two products (the shirt's second variant written after the hat), as a products bulk query answers. */
    private static final String PRODUCTS = String.join("\n",
            "{\"id\":\"gid://shopify/Product/1\",\"handle\":\"api-shirt\",\"title\":\"API Shirt\",\"descriptionHtml\":\"<p>Cotton</p>\","
                    + "\"vendor\":\"Acme\",\"productType\":\"Shirts\",\"tags\":[\"Summer\",\"Cotton\"],\"status\":\"ACTIVE\","
                    + "\"category\":{\"fullName\":\"Apparel & Accessories > Clothing\"},\"seo\":{\"title\":\"API Shirt | Shop\",\"description\":null},"
                    + "\"options\":[{\"name\":\"Color\",\"position\":1},{\"name\":\"Size\",\"position\":2}]}",
            "{\"id\":\"gid://shopify/ProductVariant/11\",\"sku\":\"API-SRT-1\",\"price\":\"25.00\",\"compareAtPrice\":null,\"barcode\":\"111\","
                    + "\"taxable\":true,\"inventoryPolicy\":\"DENY\",\"inventoryQuantity\":5,\"selectedOptions\":[{\"name\":\"Color\",\"value\":\"Green\"},"
                    + "{\"name\":\"Size\",\"value\":\"S\"}],\"image\":null,\"inventoryItem\":{\"tracked\":true,\"requiresShipping\":true,"
                    + "\"unitCost\":{\"amount\":\"9.5\"},\"measurement\":{\"weight\":{\"unit\":\"GRAMS\",\"value\":145.0}}},"
                    + "\"__parentId\":\"gid://shopify/Product/1\"}",
            "{\"id\":\"gid://shopify/MediaImage/21\",\"image\":{\"url\":\"https://cdn.shopify.com/s/files/1/0001/products/shirt.jpg?v=1\","
                    + "\"altText\":\"A shirt\"},\"__parentId\":\"gid://shopify/Product/1\"}",
            "{\"id\":\"gid://shopify/Product/2\",\"handle\":\"api-hat\",\"title\":\"API Hat\",\"descriptionHtml\":\"\",\"vendor\":\"Acme\","
                    + "\"productType\":\"Hats\",\"tags\":[],\"status\":\"DRAFT\",\"category\":null,\"seo\":{\"title\":null,\"description\":null},"
                    + "\"options\":[{\"name\":\"Title\",\"position\":1}]}",
            "{\"id\":\"gid://shopify/ProductVariant/31\",\"sku\":\"API-HAT\",\"price\":\"17.99\",\"compareAtPrice\":\"22.99\",\"barcode\":null,"
                    + "\"taxable\":false,\"inventoryPolicy\":\"CONTINUE\",\"inventoryQuantity\":0,\"selectedOptions\":[{\"name\":\"Title\","
                    + "\"value\":\"Default Title\"}],\"image\":null,\"inventoryItem\":{\"tracked\":true,\"requiresShipping\":true,"
                    + "\"unitCost\":null,\"measurement\":{\"weight\":{\"unit\":\"KILOGRAMS\",\"value\":0.072}}},\"__parentId\":\"gid://shopify/Product/2\"}",
            "{\"id\":\"gid://shopify/ProductVariant/12\",\"sku\":\"API-SRT-2\",\"price\":\"20.00\",\"compareAtPrice\":\"30.00\",\"barcode\":null,"
                    + "\"taxable\":true,\"inventoryPolicy\":\"DENY\",\"inventoryQuantity\":0,\"selectedOptions\":[{\"name\":\"Color\",\"value\":\"Blue\"},"
                    + "{\"name\":\"Size\",\"value\":\"M\"}],\"image\":{\"url\":\"https://cdn.shopify.com/s/files/1/0001/products/blue.jpg\"},"
                    + "\"inventoryItem\":{\"tracked\":true,\"requiresShipping\":true,\"unitCost\":null,\"measurement\":{\"weight\":{\"unit\":\"OUNCES\","
                    + "\"value\":5.0}}},\"__parentId\":\"gid://shopify/Product/1\"}");

    private static final String CUSTOMERS = String.join("\n",
            "{\"id\":\"gid://shopify/Customer/7022550000001\",\"email\":\"api1@example.org\",\"firstName\":\"Api\",\"lastName\":\"One\","
                    + "\"emailMarketingConsent\":{\"marketingState\":\"SUBSCRIBED\"},\"defaultAddress\":{\"company\":null,\"address1\":\"1 Example Street\","
                    + "\"address2\":\"Suite B\",\"city\":\"Temecula\",\"province\":\"California\",\"provinceCode\":\"CA\",\"country\":\"United States\","
                    + "\"countryCodeV2\":\"US\",\"zip\":\"92591\",\"phone\":\"+15550100\"}}",
            "{\"id\":\"gid://shopify/Customer/7022550000002\",\"email\":\"api2@example.org\",\"firstName\":\"Api\",\"lastName\":\"Two\","
                    + "\"emailMarketingConsent\":null,\"defaultAddress\":null}");

    private static final String MONEY = "{\"shopMoney\":{\"amount\":\"%s\"}}";

    private static final String ORDERS = String.join("\n",
            "{\"id\":\"gid://shopify/Order/6798481555755\",\"name\":\"#A1001\",\"email\":\"api1@example.org\",\"createdAt\":\"2025-12-06T15:37:33Z\","
                    + "\"cancelledAt\":null,\"displayFinancialStatus\":\"PAID\",\"displayFulfillmentStatus\":\"FULFILLED\",\"currencyCode\":\"USD\","
                    + "\"note\":\"Leave at the door\",\"discountCodes\":[\"WELCOME\"],\"paymentGatewayNames\":[\"manual\"],"
                    + "\"subtotalPriceSet\":" + MONEY.formatted("62.99") + ",\"totalShippingPriceSet\":" + MONEY.formatted("5.00")
                    + ",\"totalTaxSet\":" + MONEY.formatted("0.00") + ",\"totalPriceSet\":" + MONEY.formatted("67.99")
                    + ",\"totalDiscountsSet\":" + MONEY.formatted("5.00") + ",\"totalRefundedSet\":" + MONEY.formatted("0.00")
                    + ",\"billingAddress\":{\"name\":\"Api One\",\"firstName\":\"Api\",\"lastName\":\"One\",\"company\":null,\"address1\":\"1 Example Street\","
                    + "\"address2\":null,\"city\":\"Temecula\",\"zip\":\"92591\",\"province\":\"California\",\"provinceCode\":\"CA\","
                    + "\"countryCodeV2\":\"US\",\"phone\":null},\"shippingAddress\":null,\"shippingLine\":{\"title\":\"Standard\"}}",
            "{\"id\":\"gid://shopify/LineItem/1\",\"name\":\"API Shirt - Green / S\",\"sku\":\"API-SRT-1\",\"quantity\":2,\"requiresShipping\":true,"
                    + "\"originalUnitPriceSet\":" + MONEY.formatted("25.00") + ",\"totalDiscountSet\":" + MONEY.formatted("5.00")
                    + ",\"__parentId\":\"gid://shopify/Order/6798481555755\"}",
            "{\"id\":\"gid://shopify/LineItem/2\",\"name\":\"API Hat\",\"sku\":\"API-HAT\",\"quantity\":1,\"requiresShipping\":true,"
                    + "\"originalUnitPriceSet\":" + MONEY.formatted("17.99") + ",\"totalDiscountSet\":" + MONEY.formatted("0.00")
                    + ",\"__parentId\":\"gid://shopify/Order/6798481555755\"}");

    private static CleanInstall shop;
    private static ConnectionSettings destination;
    private static HttpServer shopify;
    private static String url;

    /** The server's state: what it was asked, when, and what it is to do next. */
    private static final List<String> calls = new ArrayList<>();
    private static final List<Long> times = new ArrayList<>();
    private static final List<String> tokens = new ArrayList<>();
    private static boolean throttleNext;
    private static boolean failNext;
    private static String running;
    private static int polls;
    private static int operations;

    @BeforeAll
    static void startTheShopAndLoadTheCleanInstall() throws Exception {
        shopify = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        shopify.createContext("/admin/api/2026-07/graphql.json", ShopifyApiTest::graphql);
        shopify.createContext("/bulk/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring("/bulk/".length()).replace(".jsonl", "");
            answer(exchange, 200, Map.of("products", PRODUCTS, "customers", CUSTOMERS, "orders", ORDERS).get(name) + "\n");
        });
        shopify.start();
        url = "http://127.0.0.1:" + shopify.getAddress().getPort();
        System.setProperty("datasync.shopify.bulk-poll-millis", "20");
        shop = CleanInstall.create("shopify_api_dst", "DATASYNC_SHOPIFY_API_KEY=" + TOKEN);
        destination = shop.destination;
    }

    @AfterAll
    static void stop() throws Exception {
        System.clearProperty("datasync.shopify.bulk-poll-millis");
        if (shopify != null) {
            shopify.stop(0);
        }
        if (shop != null) {
            shop.close();
        }
    }

    /** The GraphQL endpoint: the token checked, a throttled answer when asked for, else a bulk operation's steps. */
    private static synchronized void graphql(HttpExchange exchange) throws IOException {
        String token = exchange.getRequestHeaders().getFirst("X-Shopify-Access-Token");
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        String query = body.path("query").asText();
        calls.add(query.contains("bulkOperationRunQuery") ? "run " + body.path("variables").path("query").asText().split("[ {]+")[1] : "poll");
        times.add(System.nanoTime());
        tokens.add(token);
        if (!TOKEN.equals(token)) {
            answer(exchange, 401, "{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}");
            return;
        }
        String cost = "\"extensions\":{\"cost\":{\"requestedQueryCost\":10,\"actualQueryCost\":%s,\"throttleStatus\":"
                + "{\"maximumAvailable\":1000.0,\"currentlyAvailable\":%s,\"restoreRate\":50.0}}}";
        if (throttleNext) {
            throttleNext = false;
            answer(exchange, 200, "{\"errors\":[{\"message\":\"Throttled\",\"extensions\":{\"code\":\"THROTTLED\"}}],"
                    + cost.formatted("null", "0") + "}");
            return;
        }
        if (query.contains("bulkOperationRunQuery")) {
            running = calls.get(calls.size() - 1).substring("run ".length());
            polls = 0;
            String id = "gid://shopify/BulkOperation/" + (++operations);
            answer(exchange, 200, "{\"data\":{\"bulkOperationRunQuery\":{\"bulkOperation\":{\"id\":\"" + id + "\",\"status\":\"CREATED\"},"
                    + "\"userErrors\":[]}}," + cost.formatted("10", "990") + "}");
            return;
        }
        polls++;
        String id = "gid://shopify/BulkOperation/" + operations;
        String operation = polls < 2 ? "{\"id\":\"" + id + "\",\"status\":\"RUNNING\",\"errorCode\":null,\"objectCount\":\"0\",\"url\":null}"
                : failNext ? "{\"id\":\"" + id + "\",\"status\":\"FAILED\",\"errorCode\":\"ACCESS_DENIED\",\"objectCount\":\"0\",\"url\":null}"
                : "{\"id\":\"" + id + "\",\"status\":\"COMPLETED\",\"errorCode\":null,\"objectCount\":\"5\",\"url\":\"" + url + "/bulk/" + running
                        + ".jsonl\"}";
        if (!id.equals(body.path("variables").path("id").asText())) {
            answer(exchange, 200, "{\"data\":{\"node\":null}," + cost.formatted("1", "999") + "}");
            return;
        }
        answer(exchange, 200, "{\"data\":{\"node\":" + operation + "}," + cost.formatted("1", "999") + "}");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static CliTest.Result sync(String entityType, String... more) {
        List<String> args = new ArrayList<>(List.of("sync", entityType, "shopify", "-a", "shopify", "--url", url));
        args.addAll(List.of(more));
        return CliTest.run(args.toArray(String[]::new));
    }

    private static String productValue(String sku, String code) throws Exception {
        Object value = ((Map<?, ?>) CatalogView.products(destination).get(sku).get("values")).get(code + "@admin");
        return value == null ? null : value.toString();
    }

    @Test
    @Order(1)
    void productsArriveFromABulkQueryAsFromTheExportHonouringAThrottle() throws Exception {
        CliTest.Result attributes = sync("productattribute");
        assertEquals(ExitCode.OK, attributes.exit(), attributes.out() + attributes.err());
        throttleNext = true;
        int before = calls.size();
        CliTest.Result products = sync("product");
        assertEquals(ExitCode.OK, products.exit(), products.out() + products.err());
        assertTrue(products.out().matches("(?s).*\\nproduct\\s+4\\s+4\\s+0\\s+0\\s+0\\s+0\\s.*"), products.out());

        assertEquals("run products", calls.get(before), "the throttled call");
        assertEquals("run products", calls.get(before + 1), "made again");
        long waited = (times.get(before + 1) - times.get(before)) / 1_000_000;
        assertTrue(waited >= 200, "10 points at 50 a second: waited " + waited + " ms");
        assertTrue(products.out().contains("Shopify's rate limit held the bulk query's calls back"), products.out());
        assertTrue(tokens.stream().allMatch(TOKEN::equals), "every call carries the token");

        assertEquals("configurable", ((Map<?, ?>) CatalogView.products(destination).get("api-shirt").get("values")).get("type"));
        assertEquals("Green|S|25|0.145|1", String.join("|", productValue("api-srt-1", "color"), productValue("api-srt-1", "size"),
                trimmed(productValue("api-srt-1", "price")), trimmed(productValue("api-srt-1", "weight")), productValue("api-srt-1", "status")));
        assertEquals("Blue|30|20|0.1417", String.join("|", productValue("api-srt-2", "color"), trimmed(productValue("api-srt-2", "price")),
                trimmed(productValue("api-srt-2", "special_price")), trimmed(productValue("api-srt-2", "weight"))));
        assertEquals("API Hat|22.99|17.99|0.072|2", String.join("|", productValue("api-hat", "name"), trimmed(productValue("api-hat", "price")),
                trimmed(productValue("api-hat", "special_price")), trimmed(productValue("api-hat", "weight")), productValue("api-hat", "status")));
        assertEquals("Acme|Summer, Cotton|API Shirt | Shop", String.join("|", productValue("api-shirt", "manufacturer"),
                productValue("api-shirt", "shopify_tags"), productValue("api-shirt", "meta_title")));
        assertEquals("api-srt-1,api-srt-2", Checksums.text(destination, "SELECT GROUP_CONCAT(LOWER(c.sku) ORDER BY c.sku) FROM"
                + " catalog_product_super_link l JOIN catalog_product_entity c ON c.entity_id = l.product_id JOIN catalog_product_entity p"
                + " ON p.entity_id = l.parent_id WHERE p.sku = 'api-shirt'"));
        assertEquals("/s/files/1/0001/products/shirt.jpg|A shirt", Checksums.text(destination, "SELECT CONCAT(g.value, '|', v.label) FROM"
                + " catalog_product_entity_media_gallery g JOIN catalog_product_entity_media_gallery_value v USING (value_id) JOIN"
                + " catalog_product_entity p ON p.entity_id = g.entity_id WHERE p.sku = 'api-shirt'"));
        assertEquals("1:5|0:0", Checksums.text(destination, "SELECT GROUP_CONCAT(CONCAT(s.is_in_stock, ':', " + amount("s.qty")
                + ") ORDER BY p.sku SEPARATOR '|') FROM cataloginventory_stock_item s JOIN catalog_product_entity p ON p.entity_id ="
                + " s.product_id WHERE p.sku LIKE 'API-SRT-%'"));

        Map<String, String> unchanged = Checksums.of(destination);
        CliTest.Result again = sync("product");
        assertTrue(again.out().matches("(?s).*\\nproduct\\s+4\\s+0\\s+0\\s+4\\s.*"), again.out());
        Checksums.assertUnchanged(unchanged, Checksums.of(destination));
    }

    @Test
    @Order(2)
    void customersSubscribersAndOrdersArriveByNaturalKey() throws Exception {
        CliTest.Result customers = sync("customer");
        assertEquals(ExitCode.OK, customers.exit(), customers.out() + customers.err());
        assertTrue(customers.out().matches("(?s).*\\ncustomer\\s+2\\s+2\\s.*"), customers.out());
        CustomerView.Customer one = CustomerView.load(destination).get("api1@example.org|base");
        Map<String, String> address = one.addresses().get(0);
        assertEquals("Api|One|1 Example Street\nSuite B|Temecula|92591|US|California|+15550100", String.join("|", one.value("firstname"),
                one.value("lastname"), address.get("street"), address.get("city"), address.get("postcode"), address.get("country_id"),
                address.get("region"), address.get("telephone")));
        assertTrue(CustomerView.load(destination).get("api2@example.org|base").addresses().isEmpty(), "no default address, none made up");

        CliTest.Result subscribers = sync("newsletter");
        assertTrue(subscribers.out().matches("(?s).*\\nnewsletter\\s+2\\s+1\\s+0\\s+0\\s+1\\s.*"), subscribers.out());

        CliTest.Result orders = sync("order");
        assertEquals(ExitCode.OK, orders.exit(), orders.out() + orders.err());
        assertTrue(orders.out().matches("(?s).*\\norder\\s+1\\s+1\\s.*"), orders.out());
        assertEquals("A1001|6798481555755|complete/complete|67.99|5|-5|67.99|WELCOME|Standard|api1@example.org|0|2025-12-06 15:37:33"
                        + "|checkmo|API-HAT:1:17.99,API-SRT-1:2:50", Checksums.text(destination, "SELECT CONCAT_WS('|', o.increment_id,"
                        + " o.ext_order_id, CONCAT(o.state, '/', o.status), " + amount("o.subtotal") + ", " + amount("o.shipping_amount") + ", "
                        + amount("o.discount_amount") + ", " + amount("o.total_paid") + ", o.coupon_code, o.shipping_description,"
                        + " c.email, o.customer_is_guest, o.created_at, (SELECT method FROM sales_flat_order_payment WHERE parent_id = o.entity_id),"
                        + " (SELECT GROUP_CONCAT(CONCAT_WS(':', i.sku, " + amount("i.qty_ordered") + ", " + amount("i.row_total") + ") ORDER BY"
                        + " i.sku) FROM sales_flat_order_item i WHERE i.order_id = o.entity_id)) FROM sales_flat_order o JOIN customer_entity c"
                        + " ON c.entity_id = o.customer_id"));
    }

    @Test
    @Order(3)
    void aWrongTokenAndAFailedBulkQueryAreSaidPlainly() throws Exception {
        CliTest.Result wrongKey = sync("customer", "--api-key", "shpat_wrong");
        assertEquals(ExitCode.FAILED, wrongKey.exit(), wrongKey.out());
        assertTrue(wrongKey.err().contains("--api-key on the command line is visible"), wrongKey.err());
        assertTrue(wrongKey.out().contains("Shopify's Admin API at " + url + " refused the Admin API access token (HTTP 401)"), wrongKey.out());
        failNext = true;
        try {
            CliTest.Result failed = sync("order");
            assertEquals(ExitCode.FAILED, failed.exit(), failed.out());
            assertTrue(failed.out().contains("the bulk query failed (ACCESS_DENIED)"), failed.out());
            assertTrue(!failed.out().contains("Exception") && !wrongKey.out().contains("Exception"), "no stack trace");
        } finally {
            failNext = false;
        }
        CliTest.Result both = CliTest.run("sync", "order", "shopify", "-a", "shopify", "--url", url, "-f", "orders.csv");
        assertEquals(ExitCode.USAGE, both.exit(), both.out() + both.err());
        assertTrue(both.err().contains("-f/--file does not apply to the shopify adapter reading the shop's API (--url)"), both.err());
    }

    private static String trimmed(String amount) {
        return amount == null ? "-" : new java.math.BigDecimal(amount).stripTrailingZeros().toPlainString();
    }

    private static String amount(String decimal) {
        return "TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM CAST(" + decimal + " AS DECIMAL(14,4))))";
    }
}
