package io.slipway.bench;

/** Prints the benchmark model as slipway-jinja renders it, to compare with {@code jinja2_render.py --print}. */
public final class PrintModel {
    private PrintModel() {
    }

    public static void main(String[] args) {
        System.out.print(new DbtLikeProject().render());
    }
}
