package io.slipway.core.selection;

import io.slipway.core.error.ErrorCode;
import io.slipway.core.error.SlipwayException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SelectorParserTest {
    private static SelectionCriteria parse(String raw) {
        return SelectorParser.parseCriterion(raw, IndirectSelection.EAGER);
    }

    @Test
    void plainNameIsFqnWithoutOperators() {
        SelectionCriteria c = parse("stg_orders");
        assertThat(c.method()).isEqualTo(MethodName.FQN);
        assertThat(c.value()).isEqualTo("stg_orders");
        assertThat(c.arguments()).isEmpty();
        assertThat(c.parents()).isFalse();
        assertThat(c.children()).isFalse();
        assertThat(c.childrensParents()).isFalse();
        assertThat(c.raw()).isEqualTo("stg_orders");
        assertThat(c.indirect()).isEqualTo(IndirectSelection.EAGER);
    }

    @Test
    void operatorsAndDepths() {
        SelectionCriteria c = parse("2+tag:nightly+3");
        assertThat(c.method()).isEqualTo(MethodName.TAG);
        assertThat(c.value()).isEqualTo("nightly");
        assertThat(c.parents()).isTrue();
        assertThat(c.parentsDepth()).isEqualTo(2);
        assertThat(c.children()).isTrue();
        assertThat(c.childrenDepth()).isEqualTo(3);

        SelectionCriteria unlimited = parse("+x+");
        assertThat(unlimited.parentsDepth()).isNull();
        assertThat(unlimited.childrenDepth()).isNull();

        SelectionCriteria at = parse("@+path:models/marts");
        assertThat(at.childrensParents()).isTrue();
        assertThat(at.parents()).isTrue();
        assertThat(at.method()).isEqualTo(MethodName.PATH);
        assertThat(at.value()).isEqualTo("models/marts");

        assertThat(parse("x+0").childrenDepth()).isZero();
    }

    @Test
    void plusInsideAValueIsPartOfIt() {
        SelectionCriteria c = parse("a+b");
        assertThat(c.value()).isEqualTo("a+b");
        assertThat(c.children()).isFalse();
        SelectionCriteria lone = parse("+");
        assertThat(lone.parents()).isTrue();
        assertThat(lone.value()).isEqualTo("");
    }

    @Test
    void dottedMethodGivesArguments() {
        SelectionCriteria c = parse("config.meta.owner:ana+");
        assertThat(c.method()).isEqualTo(MethodName.CONFIG);
        assertThat(c.arguments()).containsExactly("meta", "owner");
        assertThat(c.value()).isEqualTo("ana");
        assertThat(c.children()).isTrue();
    }

    @Test
    void defaultMethodFollowsDbtsRule() {
        assertThat(SelectorParser.defaultMethod("models/staging")).isEqualTo(MethodName.PATH);
        assertThat(SelectorParser.defaultMethod("models/staging/stg_orders.sql")).isEqualTo(MethodName.PATH);
        assertThat(SelectorParser.defaultMethod("stg_orders.sql")).isEqualTo(MethodName.FILE);
        assertThat(SelectorParser.defaultMethod("STG_ORDERS.SQL")).isEqualTo(MethodName.FILE);
        assertThat(SelectorParser.defaultMethod("model.py")).isEqualTo(MethodName.FILE);
        assertThat(SelectorParser.defaultMethod("raw_orders.csv")).isEqualTo(MethodName.FILE);
        assertThat(SelectorParser.defaultMethod("schema.yml")).isEqualTo(MethodName.FQN);
        assertThat(SelectorParser.defaultMethod("jaffle_shop.staging")).isEqualTo(MethodName.FQN);
        assertThat(parse("+models/marts+").method()).isEqualTo(MethodName.PATH);
    }

    @Test
    void unknownMethodIsAnErrorThatListsTheValidOnes() {
        assertThatThrownBy(() -> parse("tags:nightly"))
                .isInstanceOf(SlipwayException.class)
                .satisfies(e -> assertThat(((SlipwayException) e).code()).isEqualTo(ErrorCode.SELECTOR_INVALID))
                .hasMessageContaining("'tags' is not a valid method name in selector 'tags:nightly'.")
                .hasMessageContaining("Did you mean 'tag'")
                .hasMessageContaining("Valid methods: fqn, tag, group,");
        // method names are case-sensitive, as in dbt
        assertThatThrownBy(() -> parse("TAG:nightly")).hasMessageContaining("'TAG' is not a valid method name");
    }

    @Test
    void atWithTrailingPlusIsAnError() {
        assertThatThrownBy(() -> parse("@tag:x+2"))
                .isInstanceOf(SlipwayException.class)
                .hasMessageContaining("Invalid selector '@tag:x+2'")
                .hasMessageContaining("write '@tag:x' or 'tag:x+'");
    }

    @Test
    void aSelectorOnSeveralLinesIsInvalid() {
        assertThatThrownBy(() -> parse("tag:a\ntag:b"))
                .isInstanceOf(SlipwayException.class)
                .hasMessageStartingWith("Invalid selector spec \"tag:a\ntag:b\"");
    }

    @Test
    void commandLineBecomesDifferenceOfUnionsOfIntersections() {
        SelectionGroup diff = SelectorParser.parseDifference(List.of("a b,c", "d"), List.of("e"), IndirectSelection.CAUTIOUS);
        assertThat(diff.kind()).isEqualTo(SelectionGroup.Kind.DIFFERENCE);
        assertThat(diff.indirect()).isEqualTo(IndirectSelection.CAUTIOUS);
        SelectionGroup include = (SelectionGroup) diff.components().get(0);
        SelectionGroup exclude = (SelectionGroup) diff.components().get(1);
        assertThat(include.kind()).isEqualTo(SelectionGroup.Kind.UNION);
        assertThat(include.components()).hasSize(3);
        SelectionGroup bc = (SelectionGroup) include.components().get(1);
        assertThat(bc.kind()).isEqualTo(SelectionGroup.Kind.INTERSECTION);
        assertThat(bc.raw()).isEqualTo("b,c");
        assertThat(bc.expectExists()).isTrue();
        assertThat(bc.components()).extracting(SelectionNode::raw).containsExactly("b", "c");
        assertThat(((SelectionCriteria) bc.components().get(0)).indirect()).isEqualTo(IndirectSelection.CAUTIOUS);
        assertThat(exclude.components()).extracting(SelectionNode::raw).containsExactly("e");
    }

    @Test
    void noSelectUsesDbtsDefaultIncludesWithoutWarnings() {
        SelectionGroup diff = SelectorParser.parseDifference(List.of(), List.of(), IndirectSelection.EAGER);
        SelectionGroup include = (SelectionGroup) diff.components().get(0);
        assertThat(include.components()).extracting(SelectionNode::raw).startsWith("fqn:*", "source:*", "exposure:*", "metric:*");
        assertThat(include.components()).allSatisfy(c -> assertThat(((SelectionGroup) c).expectExists()).isFalse());
    }

    @Test
    void badDepthIsAnError() {
        assertThatThrownBy(() -> SelectorParser.depth("two", "x"))
                .isInstanceOf(SlipwayException.class)
                .hasMessageContaining("could not handle the depth two");
        assertThat(SelectorParser.depth(0L, "x")).isNull();
        assertThat(SelectorParser.depth("", "x")).isNull();
        assertThat(SelectorParser.depth("0", "x")).isZero();
        assertThat(SelectorParser.depth(3L, "x")).isEqualTo(3);
    }
}
