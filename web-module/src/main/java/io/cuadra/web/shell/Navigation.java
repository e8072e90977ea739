package io.cuadra.web.shell;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.util.List;

/**
 * The back office's menu, one section per business component. A component adds its pages here
 * when it ships them, so the menu never links to a page that does not exist.
 */
@Named
@ApplicationScoped
public class Navigation {

    private final List<Section> sections = List.of(
            new Section("nav.customers", "pi pi-users", List.of(
                    new Page("nav.customers.documentCheck", "/customers/document-check"))));

    public List<Section> getSections() {
        return sections;
    }

    public record Section(String labelKey, String icon, List<Page> pages) {
        public String getLabelKey() {
            return labelKey;
        }

        public String getIcon() {
            return icon;
        }

        public List<Page> getPages() {
            return pages;
        }
    }

    public record Page(String labelKey, String outcome) {
        public String getLabelKey() {
            return labelKey;
        }

        public String getOutcome() {
            return outcome;
        }
    }
}
