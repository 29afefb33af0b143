package nl.startpakket.fulfilment.config;

import java.util.ArrayList;
import java.util.List;
import nl.startpakket.events.Phase;
import nl.startpakket.fulfilment.api.DefineStockItemCommand;
import nl.startpakket.fulfilment.api.DefineTemplateCommand;
import nl.startpakket.fulfilment.api.ItemQuantity;
import nl.startpakket.fulfilment.api.ReceiveStockCommand;
import nl.startpakket.fulfilment.api.StockSource;
import nl.startpakket.fulfilment.api.TemplateVariant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The default package contents from the foundation's public description: boy and girl variants,
 * sizes 50/56–62/68 for the baby package and 74/80–86/92 for the toddler package, clothing and
 * care products, for the toddler also books and toys. Registered at start-up only where absent
 * (a restart or a coordinator's edit is never overwritten). Under the {@code demo} profile an
 * opening stock is booked once, some of it deliberately low so the warnings show.
 */
public class CatalogueSeeder {

    private static final Logger log = LoggerFactory.getLogger(CatalogueSeeder.class);
    static final String DEMO_RECEIPT = "demo-opening-stock";

    /** An item of the catalogue with the demo stock. */
    record Item(String id, String nameNl, String nameEn, String category, int reorderLevel, int demoStock) {
    }

    static final List<Item> ITEMS = List.of(
            new Item("romper-50-56", "Rompers maat 50/56", "Bodysuits size 50/56", "kleding", 8, 60),
            new Item("romper-62-68", "Rompers maat 62/68", "Bodysuits size 62/68", "kleding", 8, 60),
            new Item("boxpakje-50-56-jongen", "Boxpakje maat 50/56 (jongen)", "Sleepsuit size 50/56 (boy)", "kleding", 6, 30),
            new Item("boxpakje-50-56-meisje", "Boxpakje maat 50/56 (meisje)", "Sleepsuit size 50/56 (girl)", "kleding", 6, 30),
            new Item("boxpakje-62-68-jongen", "Boxpakje maat 62/68 (jongen)", "Sleepsuit size 62/68 (boy)", "kleding", 6, 30),
            new Item("boxpakje-62-68-meisje", "Boxpakje maat 62/68 (meisje)", "Sleepsuit size 62/68 (girl)", "kleding", 6, 30),
            new Item("slaapzak-62-68", "Slaapzak maat 62/68", "Sleeping bag size 62/68", "slapen", 2, 2),
            new Item("wiegdeken", "Wiegdeken", "Cradle blanket", "slapen", 2, 10),
            new Item("mutsje-sokjes", "Mutsje en sokjes", "Hat and socks", "kleding", 3, 15),
            new Item("hydrofiele-doeken", "Hydrofiele doeken (6 stuks)", "Muslin cloths (6)", "verzorging", 3, 15),
            new Item("luiers-maat-1", "Luiers maat 1 (pak)", "Nappies size 1 (pack)", "verzorging", 4, 20),
            new Item("badcape", "Badcape", "Hooded bath towel", "verzorging", 2, 10),
            new Item("verzorgingsset-baby", "Verzorgingsset baby (shampoo, olie, billenzalf)", "Baby care set (shampoo, oil, nappy cream)", "verzorging", 3, 12),
            new Item("flessenset", "Flessen en spenen", "Bottles and teats", "voeding", 2, 10),
            new Item("shirt-74-80-jongen", "Shirts maat 74/80 (jongen)", "Shirts size 74/80 (boy)", "kleding", 6, 30),
            new Item("shirt-74-80-meisje", "Shirts maat 74/80 (meisje)", "Shirts size 74/80 (girl)", "kleding", 6, 30),
            new Item("broek-74-80-jongen", "Broekjes maat 74/80 (jongen)", "Trousers size 74/80 (boy)", "kleding", 4, 20),
            new Item("broek-74-80-meisje", "Broekjes maat 74/80 (meisje)", "Trousers size 74/80 (girl)", "kleding", 4, 20),
            new Item("shirt-86-92-jongen", "Shirts maat 86/92 (jongen)", "Shirts size 86/92 (boy)", "kleding", 6, 30),
            new Item("shirt-86-92-meisje", "Shirts maat 86/92 (meisje)", "Shirts size 86/92 (girl)", "kleding", 6, 30),
            new Item("broek-86-92-jongen", "Broekjes maat 86/92 (jongen)", "Trousers size 86/92 (boy)", "kleding", 4, 20),
            new Item("broek-86-92-meisje", "Broekjes maat 86/92 (meisje)", "Trousers size 86/92 (girl)", "kleding", 4, 20),
            new Item("pyjama-86-92", "Pyjama maat 86/92", "Pyjamas size 86/92", "kleding", 4, 20),
            new Item("luiers-maat-4", "Luiers maat 4 (pak)", "Nappies size 4 (pack)", "verzorging", 4, 20),
            new Item("verzorgingsset-peuter", "Verzorgingsset peuter (tandenborstel, tandpasta, shampoo)", "Toddler care set (toothbrush, toothpaste, shampoo)", "verzorging", 3, 12),
            new Item("prentenboek", "Prentenboek", "Picture book", "boeken", 4, 20),
            new Item("stapelbekers", "Stapelbekers", "Stacking cups", "speelgoed", 2, 3),
            new Item("knuffel", "Knuffel", "Cuddly toy", "speelgoed", 2, 10));

    /** A template of the catalogue. */
    record Template(String id, Phase phase, TemplateVariant variant, String name, String sizes, List<ItemQuantity> lines) {
    }

    static final List<Template> TEMPLATES = List.of(
            baby("baby-jongen", TemplateVariant.BOY, "Babypakket jongen", "jongen"),
            baby("baby-meisje", TemplateVariant.GIRL, "Babypakket meisje", "meisje"),
            toddler("peuter-jongen", TemplateVariant.BOY, "Peuterpakket jongen", "jongen"),
            toddler("peuter-meisje", TemplateVariant.GIRL, "Peuterpakket meisje", "meisje"));

    private static Template baby(String id, TemplateVariant variant, String name, String sex) {
        return new Template(id, Phase.BABY, variant, name, "50/56 – 62/68", List.of(
                new ItemQuantity("romper-50-56", 4),
                new ItemQuantity("romper-62-68", 4),
                new ItemQuantity("boxpakje-50-56-" + sex, 3),
                new ItemQuantity("boxpakje-62-68-" + sex, 3),
                new ItemQuantity("slaapzak-62-68", 1),
                new ItemQuantity("wiegdeken", 1),
                new ItemQuantity("mutsje-sokjes", 1),
                new ItemQuantity("hydrofiele-doeken", 1),
                new ItemQuantity("luiers-maat-1", 2),
                new ItemQuantity("badcape", 1),
                new ItemQuantity("verzorgingsset-baby", 1),
                new ItemQuantity("flessenset", 1)));
    }

    private static Template toddler(String id, TemplateVariant variant, String name, String sex) {
        return new Template(id, Phase.TODDLER, variant, name, "74/80 – 86/92", List.of(
                new ItemQuantity("shirt-74-80-" + sex, 3),
                new ItemQuantity("broek-74-80-" + sex, 2),
                new ItemQuantity("shirt-86-92-" + sex, 3),
                new ItemQuantity("broek-86-92-" + sex, 2),
                new ItemQuantity("pyjama-86-92", 2),
                new ItemQuantity("luiers-maat-4", 2),
                new ItemQuantity("verzorgingsset-peuter", 1),
                new ItemQuantity("prentenboek", 2),
                new ItemQuantity("stapelbekers", 1),
                new ItemQuantity("knuffel", 1)));
    }

    private final CommandGateway commands;
    private final Environment environment;

    public CatalogueSeeder(CommandGateway commands, Environment environment) {
        this.commands = commands;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seed() {
        List<String> failed = new ArrayList<>();
        for (Item item : ITEMS) {
            send(new DefineStockItemCommand(item.id(), item.nameNl(), item.nameEn(), item.category(), item.reorderLevel(), true),
                    item.id(), failed);
        }
        for (Template t : TEMPLATES) {
            send(new DefineTemplateCommand(t.id(), t.phase(), t.variant(), t.name(), t.sizes(), t.lines(), "system", true),
                    t.id(), failed);
        }
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            for (Item item : ITEMS) {
                send(new ReceiveStockCommand(item.id(), item.demoStock(), StockSource.DONATION, "Demo: beginvoorraad",
                        DEMO_RECEIPT, "system"), item.id(), failed);
            }
        }
        if (!failed.isEmpty()) {
            log.warn("Could not seed {} (another instance may be seeding at the same time)", failed);
        }
    }

    private void send(Object command, String what, List<String> failed) {
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException e) {
            failed.add(what);
        }
    }
}
