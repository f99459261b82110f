package io.slipway.jinja;

import org.junit.jupiter.api.Test;

import static io.slipway.jinja.JinjaTesting.assertFails;
import static io.slipway.jinja.JinjaTesting.assertRenders;

class LoopTest {

    @Test
    void loopVariables() {
        assertRenders("{% for c in ['a', 'b', 'c'] %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}"
                + "{{ loop.first }}{{ loop.last }}{{ loop.length }};{% endfor %}",
                "1032TrueFalse3;2121FalseFalse3;3210FalseTrue3;");
        assertRenders("{% for c in ['a', 'b', 'c'] %}{{ loop.previtem }}>{{ c }}<{{ loop.nextitem }};{% endfor %}",
                ">a<b;a>b<c;b>c<;");
        assertRenders("{% for c in [1, 2, 3] %}{{ loop.cycle('odd', 'even') }} {% endfor %}", "odd even odd ");
        assertRenders("{% for x in [1, 1, 2, 1] %}{% if loop.changed(x) %}{{ x }}{% endif %}{% endfor %}", "121");
        assertRenders("{% for x in [1, 2] %}{{ loop.depth }}{{ loop.depth0 }}{% endfor %}", "1010");
        assertRenders("{% for x in [1, 2] %}{{ loop }}{% endfor %}", "<LoopContext 1/2><LoopContext 2/2>");
    }

    @Test
    void innerLoopHasItsOwnLoopVariable() {
        assertRenders("{% for a in [1, 2] %}{% for b in [1] %}{{ loop.index }}{% endfor %}{{ loop.index }}|{% endfor %}",
                "11|12|");
    }

    @Test
    void elseRunsWhenNothingWasIterated() {
        assertRenders("{% for x in [] %}x{% else %}none{% endfor %}", "none");
        assertRenders("{% for x in [1, 2] %}{% continue %}{% else %}E{% endfor %}", "E");
        assertRenders("{% for x in [1, 2] %}{% if x == 2 %}{% continue %}{% endif %}{% else %}E{% endfor %}", "");
    }

    @Test
    void breakAndContinue() {
        assertRenders("{% for i in [0, 1, 2, 3, 4, 5, 6] %}{% if i == 2 %}{% continue %}{% endif %}"
                + "{% if i == 5 %}{% break %}{% endif %}{{ i }}{% endfor %}", "0134");
        assertRenders("{% for i in [1, 2] %}{% for j in [1, 2] %}{% if j == 2 %}{% break %}{% endif %}{{ i }}{{ j }}"
                + "{% endfor %}{% endfor %}", "1121");
    }

    @Test
    void filterClauseAndLoopLength() {
        assertRenders("{% for x in [1, 2, 3] if x > 1 %}{{ loop.index }}/{{ loop.length }} {% else %}none{% endfor %}",
                "1/2 2/2 ");
        assertRenders("{% for x in [1, 2, 3] if x > 5 %}x{% else %}none{% endfor %}", "none");
    }

    @Test
    void iteratesStringsDictsAndTuples() {
        assertRenders("{% for ch in 'abc' %}{{ ch }}-{% endfor %}", "a-b-c-");
        assertRenders("{% for k in {'x': 1, 'y': 2} %}{{ k }}{% endfor %}", "xy");
        assertRenders("{% for k, v in {'x': 1, 'y': 2}.items() %}{{ k }}={{ v }};{% endfor %}", "x=1;y=2;");
        assertRenders("{% for x in undefined_name %}x{% else %}empty{% endfor %}", "empty");
    }

    @Test
    void recursiveLoops() {
        assertRenders("{% for item in [[1, [2]], 3] recursive %}<{% if item is iterable %}{{ loop(item) }}"
                + "{% else %}{{ item }}@{{ loop.depth }}{% endif %}>{% endfor %}", "<<1@2><<2@3>>><3@1>");
        assertFails("{% for x in [[1]] %}{{ loop(x) }}{% endfor %}", "TypeError",
                "The loop must have the 'recursive' marker to be called recursively.");
    }

    @Test
    void loopSeesAppendsDuringIteration() {
        assertRenders("{% set items = [1, 2] %}{% for i in items %}{% if i == 1 %}{% do items.append(3) %}{% endif %}"
                + "{{ i }}{% endfor %}", "123");
    }

    @Test
    void cycleNeedsItems() {
        assertFails("{% for x in [1] %}{{ loop.cycle() }}{% endfor %}", "TypeError", "no items for cycling given");
    }
}
