/**
 * The glossary: one entry per term, used by <Term id="..."> popovers and the glossary page. Definitions are
 * short, exact and self-contained; `$...$` is inline math (rendered at build time with the book's macros).
 */
export interface GlossaryEntry {
  id: string;
  term: string;
  definition: string;
}

export const glossary: GlossaryEntry[] = [
  {
    id: 'mdp',
    term: 'Markov decision process',
    definition:
      'A controlled Markov chain: states $x$, actions $a$, a transition law $P(\\cdot \\mid x, a)$ for the next state, a reward $r(x, a)$ and a discount factor $\\gamma \\in [0, 1)$. The next state depends on the past only through the current state and action.',
  },
  {
    id: 'value-function',
    term: 'value function',
    definition:
      'The best expected total discounted reward obtainable from a state: $V(x) = \\sup_\\pi \\E_x\\big[\\sum_n \\gamma^n r(X_n, a_n)\\big]$ in discrete time, $V(x) = \\sup_a \\E_x\\big[\\int_0^\\infty e^{-\\rho t} r(X_t, a_t)\\,\\dd t\\big]$ in continuous time.',
  },
  {
    id: 'brownian-motion',
    term: 'Brownian motion',
    definition:
      'A continuous random path $W_t$ with $W_0 = 0$ whose increments over disjoint intervals are independent, with $W_{t} - W_s \\sim \\Normal(0, t - s)$. Its paths are continuous but nowhere differentiable.',
  },
  {
    id: 'ito-process',
    term: 'Itô process',
    definition:
      "A process of the form $\\dd X_t = f(X_t, a_t)\\,\\dd t + \\Sigma(X_t, a_t)\\,\\dd W_t$: a drift $f$ that moves it predictably and a diffusion $\\Sigma$ that scales Brownian noise. The integral is Itô's: the integrand is evaluated at the left end of each step.",
  },
  {
    id: 'ou-process',
    term: 'Ornstein–Uhlenbeck process',
    definition:
      'The solution of $\\dd X_t = \\theta(\\bar x - X_t)\\,\\dd t + \\sigma\\,\\dd W_t$ with $\\theta > 0$: Brownian noise pulled back to the level $\\bar x$ at rate $\\theta$ (the preface writes the level $\\mu$). $X_t$ is Gaussian with mean $\\bar x + (x_0 - \\bar x)e^{-\\theta t}$ and variance $\\tfrac{\\sigma^2}{2\\theta}(1 - e^{-2\\theta t})$.',
  },
  {
    id: 'generator',
    term: 'generator',
    definition:
      'The operator that gives the expected rate of change of $\\varphi(X_t)$ under action $a$: $\\Gen^a \\varphi(x) = \\grad \\varphi(x) \\cdot f(x, a) + \\tfrac12 \\tr\\big(\\Sigma\\Sigma\\T(x, a)\\, \\Hess \\varphi(x)\\big)$.',
  },
  {
    id: 'hjb',
    term: 'Hamilton–Jacobi–Bellman equation',
    definition:
      'The equation the value function of a continuous-time control problem solves. Discounted, infinite horizon: $\\rho V(x) = \\max_a \\{ r(x, a) + \\Gen^a V(x) \\}$.',
  },
  {
    id: 'euler-maruyama',
    term: 'Euler–Maruyama scheme',
    definition:
      'The simplest way to simulate an SDE: $X_{n+1} = X_n + f(X_n)\\,\\Delta t + \\Sigma(X_n)\\sqrt{\\Delta t}\\,Z_n$ with independent standard normal $Z_n$. Weak order 1, strong order 1/2 (order 1 when the noise is additive).',
  },
  {
    id: 'feynman-kac',
    term: 'Feynman–Kac formula',
    definition:
      'The link between an expectation over paths and a linear PDE: the value of a fixed policy, $V(x) = \\E_x[\\int_0^\\infty e^{-\\rho t} r\\,\\dd t]$, solves $\\rho V = r + \\Gen V$. It lets one evaluate a policy by simulating it.',
  },
  {
    id: 'discount',
    term: 'discount',
    definition:
      'How much less a reward counts for coming later. In discrete time a factor $\\gamma \\in [0, 1)$ per step; in continuous time a rate $\\rho > 0$, so a reward at time $t$ is weighted by $e^{-\\rho t}$. A step of length $h$ corresponds to $\\gamma = e^{-\\rho h}$.',
  },
  {
    id: 'bellman-operator',
    term: 'Bellman operator',
    definition:
      'The map $T V(x) = \\max_a \\{ r(x, a) + \\gamma \\E[V(X_1) \\mid X_0 = x, a_0 = a] \\}$. For $\\gamma < 1$ it is a contraction in the sup norm, $\\|TU - TV\\|_\\infty \\le \\gamma \\|U - V\\|_\\infty$, so it has exactly one fixed point: the value function.',
  },
  {
    id: 'value-iteration',
    term: 'value iteration',
    definition:
      'Repeating $V_{k+1} = T V_k$ with the Bellman operator $T$. The error shrinks at least by the factor $\\gamma$ per sweep: $\\|V_k - V\\|_\\infty \\le \\gamma^k \\|V_0 - V\\|_\\infty$.',
  },
  {
    id: 'policy-iteration',
    term: 'policy iteration',
    definition:
      "Alternating two steps: evaluate the current policy exactly (solve a linear equation for its value), then improve it by acting greedily with respect to that value. Each policy is at least as good as the last; on a finite MDP it stops at an optimal policy after finitely many steps. Kleinman's iteration is policy iteration for the LQR.",
  },
  {
    id: 'dynamic-programming-principle',
    term: 'dynamic programming principle',
    definition:
      "Bellman's principle of optimality: an optimal plan, restarted from wherever it has led, is still optimal. In continuous time: $V(x) = \\sup_a \\E_x\\big[\\int_0^h e^{-\\rho t} r\\,\\dd t + e^{-\\rho h} V(X_h)\\big]$ for every $h > 0$.",
  },
  {
    id: 'hamiltonian',
    term: 'Hamiltonian',
    definition:
      'In control, $H(x, p) = \\max_a \\{ r(x, a) + p \\cdot f(x, a) \\}$ (plus $\\tfrac12 \\tr(\\Sigma\\Sigma\\T \\Hess V)$ inside the maximum when there is noise). With $r = -L$ for a Lagrangian $L$, $H(x, p) = \\max_a \\{ p \\cdot f - L \\}$ is the Hamiltonian of mechanics, and the deterministic HJB equation is a Hamilton–Jacobi equation.',
  },
  {
    id: 'lqr',
    term: 'linear–quadratic regulator',
    definition:
      'A control problem with linear dynamics and a quadratic reward, here $\\dd X = (\\alpha X + \\beta a)\\,\\dd t + \\sigma\\,\\dd W$ and $r(x, a) = -\\tfrac12(q x^2 + R a^2)$, with the action weight $R$. Its value is quadratic, $V(x) = -\\tfrac12 P x^2 - c$, and its optimal action linear, $a^* = -K x$ with $K = \\beta P / R$.',
  },
  {
    id: 'riccati-equation',
    term: 'Riccati equation',
    definition:
      "The quadratic equation for the LQR's coefficient $P$. Discounted, scalar: $\\rho P = q + 2\\alpha P - \\beta^2 P^2 / r$ (take the positive root); matrix form $\\rho P = Q + A\\T P + P A - P B R^{-1} B\\T P$. With a finite horizon it is an ordinary differential equation for $P(t)$.",
  },
  {
    id: 'quadratic-variation',
    term: 'quadratic variation',
    definition:
      'The limit of $\\sum_k (X_{t_{k+1}} - X_{t_k})^2$ over finer and finer partitions of $[0, t]$. For a smooth path it is $0$; for Brownian motion it is $t$, which is why $(\\dd W)^2 = \\dd t$ in Itô calculus.',
  },
  {
    id: 'ito-formula',
    term: "Itô's formula",
    definition:
      'The chain rule for an Itô process $\\dd X = f\\,\\dd t + \\Sigma\\,\\dd W$: $\\dd \\varphi(X_t) = \\big(\\grad \\varphi \\cdot f + \\tfrac12 \\tr(\\Sigma\\Sigma\\T \\Hess \\varphi)\\big)\\dd t + \\grad \\varphi \\cdot \\Sigma\\,\\dd W$. The second-order term is there because $(\\dd W)^2 = \\dd t$.',
  },
  {
    id: 'gbm',
    term: 'geometric Brownian motion',
    definition:
      'The solution of $\\dd X = X(m\\,\\dd t + v\\,\\dd W)$: $X_t = X_0 \\exp\\big((m - \\tfrac12 v^2) t + v W_t\\big)$. It stays positive, and $\\log X_t$ is Gaussian. Wealth invested at a constant fraction moves this way.',
  },
  {
    id: 'milstein',
    term: 'Milstein scheme',
    definition:
      "Euler–Maruyama plus the Itô correction $\\tfrac12 \\Sigma \\Sigma' \\,((\\Delta W)^2 - \\Delta t)$ (scalar case). It raises the strong order from 1/2 to 1; the weak order stays 1.",
  },
  {
    id: 'convergence-order',
    term: 'strong and weak order',
    definition:
      "How fast a scheme's error vanishes with the step $\\Delta t$. Strong order $\\nu_{\\mathrm{s}}$: $\\E|X_T - X^{\\Delta t}_T| \\le C \\Delta t^{\\nu_{\\mathrm{s}}}$ (the paths are close). Weak order $\\nu_{\\mathrm{w}}$: $|\\E \\varphi(X_T) - \\E \\varphi(X^{\\Delta t}_T)| \\le C \\Delta t^{\\nu_{\\mathrm{w}}}$ for smooth $\\varphi$ (the laws are close).",
  },
  {
    id: 'standard-error',
    term: 'standard error',
    definition:
      'The standard deviation of an estimate. For the mean of $N$ independent samples with standard deviation $s$ it is $s / \\sqrt N$; the interval of $\\pm 1.96$ standard errors covers the true mean about 95% of the time.',
  },
  {
    id: 'verification-theorem',
    term: 'verification theorem',
    definition:
      'The converse of the HJB equation: if a smooth enough $V$ (with suitable growth) solves the HJB equation and a policy attains the maximum in it at every state, then $V$ is the value function and that policy is optimal.',
  },
  {
    id: 'viscosity-solution',
    term: 'viscosity solution',
    definition:
      'The weak notion of solution under which the HJB equation has exactly one solution, the value function, even where it is not differentiable: smooth test functions touching $V$ from above or below satisfy the equation as an inequality.',
  },
  {
    id: 'hjb-residual',
    term: 'HJB residual',
    definition:
      'How far a candidate value function $V$ is from solving the HJB equation: $\\mathcal R(x) = \\rho V(x) - \\max_a \\{ r(x, a) + \\Gen^a V(x) \\}$. It is zero for the value function; policy iteration uses it as a diagnostic.',
  },
  {
    id: 'markov-chain-approximation',
    term: 'Markov-chain approximation',
    definition:
      "Kushner and Dupuis's discretisation: replace the diffusion by a Markov chain on a grid of spacing $h$ whose one-step mean and variance match the drift and diffusion, then solve the chain's Bellman equation. Its value converges to the HJB solution as $h \\to 0$.",
  },
  {
    id: 'martingale',
    term: 'martingale',
    definition:
      'A process whose expected future value, given everything seen so far, is its current value: $\\E[M_t \\mid \\mathcal{F}_s] = M_s$ for $s \\le t$. A fair game; an Itô integral $\\int \\varphi\\,\\dd W$ is one (under integrability).',
  },
  {
    id: 'crra',
    term: 'CRRA utility',
    definition:
      "Constant relative risk aversion: $U(c) = c^{1-\\gamma} / (1 - \\gamma)$ for $\\gamma > 0$, $\\gamma \\ne 1$, and $U(c) = \\log c$ at $\\gamma = 1$. The relative risk aversion $-c\\,U''(c) / U'(c)$ equals $\\gamma$ at every level of wealth.",
  },
  {
    id: 'kelly',
    term: 'Kelly criterion',
    definition:
      'Betting to maximise the expected logarithm of wealth, that is the long-run growth rate. In the Merton market it invests the fraction $(\\mu - r_f)/\\sigma^2$ in the risky asset: the Merton fraction at $\\gamma = 1$.',
  },
  {
    id: 'certainty-equivalent',
    term: 'certainty-equivalent consumption',
    definition:
      'The constant, riskless consumption rate $\\bar c$ worth as much as a policy: $\\int_0^\\infty e^{-\\rho t} U(\\bar c)\\,\\dd t = U(\\bar c)/\\rho = V$, so $\\bar c = U^{-1}(\\rho V)$. It ranks policies as $V$ does, in units of consumption.',
  },
  {
    id: 'certainty-equivalence',
    term: 'certainty equivalence',
    definition:
      'In the linear–quadratic regulator with additive noise, the optimal feedback gain is the one of the noiseless problem: noise lowers the value by a constant ($c = \\sigma^2 P / (2\\rho)$ in the scalar case) but does not change the action.',
  },
  {
    id: 'transversality-condition',
    term: 'transversality condition',
    definition:
      'The condition at infinite time in a verification theorem for discounted problems: $e^{-\\rho T}\\,\\E[V(X_T)] \\to 0$ as $T \\to \\infty$ along the candidate optimal process. Without it a solution of the HJB equation need not be the value function.',
  },
  {
    id: 'lyapunov-equation',
    term: 'Lyapunov equation',
    definition:
      'The linear equation for the value of a fixed linear policy $a = -Kx$ of an LQR: $(A - BK - \\tfrac{\\rho}{2} I)\\T P_K + P_K (A - BK - \\tfrac{\\rho}{2} I) + Q + K\\T R K = 0$; scalar: $(\\rho - 2(\\alpha - \\beta K)) P_K = q + r K^2$.',
  },
  {
    id: 'common-random-numbers',
    term: 'common random numbers',
    definition:
      'Simulating two systems with the same random draws, so that their difference is estimated with less variance than from independent runs: the noise common to both cancels.',
  },
  {
    id: 'brownian-bridge',
    term: 'Brownian bridge',
    definition:
      "Brownian motion on $[s, u]$ conditioned on its values at both ends. At the midpoint it is Gaussian with mean $\\tfrac12 (W_s + W_u)$ and variance $(u - s)/4$; filling in midpoints level by level builds a Brownian path (Lévy's construction).",
  },
  {
    id: 'unit-roundoff',
    term: 'unit roundoff',
    definition:
      'The largest relative error of rounding a real number to the nearest floating-point number: $u = 2^{-53} \\approx 1.1 \\times 10^{-16}$ in double precision, $2^{-24} \\approx 6 \\times 10^{-8}$ in single precision. Each arithmetic operation is exact up to a factor $1 + \\delta$ with $|\\delta| \\le u$.',
  },
  {
    id: 'contraction',
    term: 'contraction',
    definition:
      "A map $T$ with $\\|TU - TV\\| \\le \\gamma \\|U - V\\|$ for all $U, V$ and a fixed $\\gamma < 1$. By Banach's fixed-point theorem it has exactly one fixed point, and the iterates $T^k V_0$ approach it at least as fast as $\\gamma^k$.",
  },
  {
    id: 'hamilton-jacobi-equation',
    term: 'Hamilton–Jacobi equation',
    definition:
      "The first-order partial differential equation $\\partial_t S + H(x, \\grad S) = 0$ for a function $S(t, x)$, with a Hamiltonian $H(x, p)$. Hamilton's equations $\\dot x = \\partial_p H$, $\\dot p = -\\partial_x H$ are the ordinary differential equations of its characteristics. The deterministic finite-horizon HJB equation is one, with $H(x, p) = \\max_a \\{ r(x, a) + p \\cdot f(x, a) \\}$.",
  },
  {
    id: 'closed-loop',
    term: 'closed loop',
    definition:
      'The uncontrolled process obtained by fixing a feedback policy $\\pi$ in a controlled equation: $\\dd X = f(X, \\pi(X))\\,\\dd t + \\Sigma(X, \\pi(X))\\,\\dd W$. Its generator is $\\Gen^\\pi$, the generator $\\Gen^a$ with $a = \\pi(x)$.',
  },
  {
    id: 'kleinman-iteration',
    term: "Kleinman's iteration",
    definition:
      "Policy iteration for the linear–quadratic regulator: evaluate the gain $K_n$ by a Lyapunov equation for $P_n$, improve to $K_{n+1} = R^{-1} B^{\\top} P_n$. It is Newton's method on the Riccati equation and converges quadratically from any stabilising gain (Kleinman, 1968).",
  },
  {
    id: 'q-learning',
    term: 'Q-learning',
    definition:
      "Learning the action-value function $Q(x, a)$ of the optimal policy from sampled transitions $(x, a, r, x')$, without a model, by moving $Q(x, a)$ toward the target $r + \\gamma \\max_{a'} Q(x', a')$ (Watkins, 1989). Where it converges to the optimal Q, the greedy policy $\\argmax_a Q(x, a)$ is optimal.",
  },
  {
    id: 'action-gap',
    term: 'action gap',
    definition:
      "How much worse an action is than the best one at the same state: $Q(x, a) - \\max_{a'} Q(x, a')$. For a diffusion sampled every $\\Delta t$ it is $\\Delta t\\,(q(x, a) - \\max_{a'} q(x, a')) + o(\\Delta t)$, so it vanishes with the time step.",
  },
  {
    id: 'q-rate',
    term: 'q-function',
    definition:
      'The continuous-time replacement of the Q-function (Jia and Zhou, 2023): $q(x, a) = r(x, a) + \\Gen^a J(x) - \\rho J(x)$ for the value $J$ of a policy, the rate at which holding the action $a$ for a short time gains or loses value, $q = \\lim_{\\Delta t \\to 0} (Q_{\\Delta t} - J)/\\Delta t$. An advantage per unit time.',
  },
  {
    id: 'td-error',
    term: 'temporal-difference error',
    definition:
      "The difference between a target built from the next observed state and the current estimate, e.g. $r\\,\\Delta t + e^{-\\rho\\Delta t} V(x') - V(x)$. Learning drives its conditional mean to zero; in continuous time it is the increment of a process that must be a martingale.",
  },
  {
    id: 'entropy-regularisation',
    term: 'entropy regularisation',
    definition:
      'Adding $-\\gamma \\ln \\pi(a \\mid x)$ to the reward rate for a stochastic policy $\\pi$, with a temperature $\\gamma > 0$: it pays for exploration. The best policy is then the Boltzmann (Gibbs) policy $\\pi(a \\mid x) \\propto \\exp(q(x, a)/\\gamma)$, Gaussian for linear–quadratic problems.',
  },
  {
    id: 'ergodic-control',
    term: 'ergodic control',
    definition:
      'Control that maximises the long-run average reward $\\lim_{T \\to \\infty} \\frac{1}{T}\\E\\int_0^T r\\,\\dd t$ instead of a discounted sum. Its value is a constant $\\bar V$ plus a relative value $J(x)$, with $\\bar V = \\max_a \\{ r + \\Gen^a J \\}$ in place of $\\rho V = \\max_a \\{ r + \\Gen^a V \\}$.',
  },
  {
    id: 'score',
    term: 'score',
    definition:
      'The gradient of the log-density, $\\grad_x \\log p(x)$. In a diffusion model, the score $\\grad\\log p_s$ of the noised data at each noise level is the one unknown function; it points towards where the data are likely, and it does not need the normalising constant of $p$.',
  },
  {
    id: 'probability-flow',
    term: 'probability-flow ODE',
    definition:
      'The ordinary differential equation $\\dot x = -f x + \\tfrac12 g^2 \\grad\\log p$ whose solutions, started from the noised law, have the same marginals at every time as the reverse-time SDE (which has $g^2$ instead of $\\tfrac12 g^2$ and noise). A deterministic, invertible map from noise to data.',
  },
  {
    id: 'mmd',
    term: 'maximum mean discrepancy',
    definition:
      "A distance between two probability laws: the largest difference of the means of a function over the unit ball of a kernel's reproducing-kernel Hilbert space. Its square is $\\E k(X, X') + \\E k(Y, Y') - 2\\E k(X, Y)$, estimated without bias from two samples; for a Gaussian kernel it is zero only when the laws agree.",
  },
  {
    id: 'hopf-cole',
    term: 'Hopf–Cole transform',
    definition:
      'The substitution $q = e^{-V}$, which turns a linear parabolic equation for $q$ into a nonlinear one for $V$ with a term $|\\grad V|^2$, and back. It is why the logarithm of a density solves an HJB equation: $-\\tfrac12|y|^2 = \\min_u \\{\\tfrac12|u|^2 + u\\cdot y\\}$.',
  },
  {
    id: 'optimal-control-score',
    term: 'score as optimal control',
    definition:
      'In the control reading of a diffusion model, the optimal control $u^* = \\Sigma\\T\\grad\\log p_{T-t} = g\\,\\grad\\log p_{T-t}$: the score times one factor of the noise level. Added to the uncontrolled reversed drift through $\\Sigma$, it gives the reverse-time SDE, whose drift has $g^2$.',
  },
  {
    id: 'girsanov',
    term: "Girsanov's theorem",
    definition:
      'Two diffusions with the same noise $\\Sigma$ and drifts that differ by $\\Sigma v$ have path laws with a density $\\exp(\\int v\\cdot\\dd W - \\tfrac12\\int|v|^2\\dd t)$ with respect to each other. Consequence: their relative entropy (KL divergence) is $\\tfrac12\\E\\int|v|^2\\,\\dd t$ plus that of the starting laws.',
  },
  {
    id: 'dsm',
    term: 'denoising score matching',
    definition:
      'Learning the score of noised data from samples: for $Y_s = \\alpha_s Y_0 + \\sigma_s Z$, minimise $\\E|s_\\theta(Y_s, s) + Z/\\sigma_s|^2$, which differs from the unknown $\\E|s_\\theta - \\grad\\log p_s|^2$ by a constant (Vincent, 2011). With weight $\\sigma_s^2$ it is noise prediction, $\\E|\\varepsilon_\\theta - Z|^2$.',
  },
  {
    id: 'reward-weighted-regression',
    term: 'reward-weighted regression',
    definition:
      'Least squares in which each sample counts in proportion to a transform of its reward, here $e^{r/\\lambda}$: the fit is then a conditional mean under the reward-tilted law, computed from samples of the untilted one (Peters & Schaal, 2007).',
  },
  {
    id: 'tweedie',
    term: "Tweedie's formula",
    definition:
      'For $Y = \\alpha X + \\sigma Z$ with Gaussian $Z$, the posterior mean is $\\E[X \\mid Y = y] = (y + \\sigma^2 \\grad\\log p_Y(y))/\\alpha$: the denoised estimate needs only the score of the noisy law (Robbins 1956, Efron 2011).',
  },
  {
    id: 'ito-isometry',
    term: 'Itô isometry',
    definition:
      "For an adapted integrand, $\\E[(\\int_0^t \\sigma_s\\,\\dd W_s)^2] = \\E\\int_0^t \\sigma_s^2\\,\\dd s$: the second moment of a stochastic integral is the time integral of the integrand's second moment.",
  },
  {
    id: 'strong-solution',
    term: 'strong solution',
    definition:
      'A solution of a stochastic differential equation that is a process adapted to the given Brownian motion and satisfies the integral equation path by path. Lipschitz and linear-growth coefficients give exactly one.',
  },
  {
    id: 'stopping-time',
    term: 'stopping time',
    definition: 'A random time $\\tau$ such that whether $\\tau \\le t$ is decided by the path up to time $t$, such as the first time a process leaves a set.',
  },
  {
    id: 'fokker-planck',
    term: 'Fokker–Planck equation',
    definition:
      'The forward Kolmogorov equation $\\partial_t p = \\Gen^* p$ for the density $p(t, x)$ of a diffusion, with $\\Gen^* p = -\\grad\\cdot(f p) + \\tfrac12 \\sum_{ij} \\partial_i\\partial_j((\\Sigma\\Sigma\\T)_{ij} p)$ the adjoint of the generator.',
  },
  {
    id: 'tilted-law',
    term: 'tilted law',
    definition:
      'A law reweighted by the exponential of a reward: $\\tilde p(x) = p(x)\\,e^{r(x)/\\lambda}/Z$ with $Z = \\E_p[e^{r/\\lambda}]$. Among all laws $q$ it maximises $\\E_q[r] - \\lambda\\,\\mathrm{KL}(q \\| p)$.',
  },
  {
    id: 'tilting-control',
    term: 'optimal control of a reward tilt',
    definition:
      'In reward fine-tuning read as control: the control $u^* = g\\,\\grad\\log h_t$ added to the pretrained drift through the noise level $g$, with $h_t(x) = \\E^{\\mathrm{pre}}[e^{r(X_T)/\\lambda} \\mid X_t = x]$ the Feynman–Kac expectation of the exponentiated reward over the pretrained process. It equals $g\\,(\\grad\\log\\tilde p_s - \\grad\\log p_s)$, the score of the tilted law noised to forward time $s = T - t$ minus the pretrained score, and the controlled process is the Doob h-transform of the pretrained one.',
  },
  {
    id: 'doob-h-transform',
    term: 'Doob h-transform',
    definition:
      'A diffusion $\\dd X = \\mu\\,\\dd t + g\\,\\dd W$ conditioned or reweighted by a positive solution $h$ of its backward equation: the drift becomes $\\mu + g^2\\grad\\log h$, and the path law has density $h_T(X_T)/h_0(X_0)$ with respect to the original one.',
  },
  {
    id: 'value-function-bias',
    term: 'value function bias',
    definition:
      'In reward fine-tuning with a fixed start law: the optimally controlled process ends in the tilted law only if its start is tilted by $h_0$ too, or the end does not depend on the start (a memoryless schedule). Otherwise its end law is biased.',
  },
];
