package org.reluflow.model;

/**
 * How parameters move: gradient flow, a discrete optimizer, or the limiting second-order ODE of a
 * momentum method (Bu, Xu and Chen). Discrete methods run {@code steps} iterations; continuous ones run to
 * the experiment's horizon.
 */
public sealed interface Method {

    String specName();

    /** theta' = -grad L(theta), integrated with error control and located activation switches. */
    record GradientFlow(double rtol, double atol, int maxEvents) implements Method {
        public String specName() { return "gradient_flow"; }
    }

    /** theta_{k+1} = theta_k - eta grad L(theta_k). */
    record GradientDescent(double step, long steps) implements Method {
        public String specName() { return "gd"; }
    }

    /** theta_{k+1} = theta_k - eta grad L(theta_k) + beta (theta_k - theta_{k-1}). */
    record HeavyBall(double step, double momentum, long steps) implements Method {
        public String specName() { return "heavy_ball"; }
    }

    /**
     * Nesterov: y_k = theta_k + mu_k (theta_k - theta_{k-1}); theta_{k+1} = y_k - eta grad L(y_k), with
     * mu_k = beta (constant) or mu_k = (k-1)/(k+r-1) (vanishing, as in Su, Boyd and Candes).
     */
    record Nesterov(double step, Momentum momentum, long steps) implements Method {
        public String specName() { return "nesterov"; }
    }

    /** theta'' + gamma theta' + grad L(theta) = 0, theta'(0) = 0: the limit of heavy ball with t = k sqrt(eta). */
    record HeavyBallOde(double gamma, double rtol, double atol) implements Method {
        public String specName() { return "heavy_ball_ode"; }
    }

    /** theta'' + (r/t) theta' + grad L(theta) = 0, theta'(0) = 0: the limit of Nesterov with vanishing momentum. */
    record NesterovOde(double r, double rtol, double atol) implements Method {
        public String specName() { return "nesterov_ode"; }
    }

    /** A momentum schedule for Nesterov's method. */
    sealed interface Momentum {
        /** mu_k at iteration k = 1, 2, ... */
        double at(long k);

        record Constant(double beta) implements Momentum {
            public double at(long k) { return beta; }
        }

        record Vanishing(double r) implements Momentum {
            public double at(long k) { return (k - 1.0) / (k + r - 1.0); }
        }
    }
}
