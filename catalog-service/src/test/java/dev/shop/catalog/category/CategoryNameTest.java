package dev.shop.catalog.category;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CategoryNameTest {

    @Test
    void aSlugReadsAsCapitalizedWords() {
        assertThat(CategoryCounts.displayName("home-kitchen")).isEqualTo("Home Kitchen");
        assertThat(CategoryCounts.displayName("books")).isEqualTo("Books");
        assertThat(CategoryCounts.displayName("4k-tv")).isEqualTo("4k Tv");
        assertThat(CategoryCounts.displayName("-odd--slug-")).isEqualTo("Odd Slug");
    }
}
