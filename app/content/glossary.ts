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
      'A process of the form $\\dd X_t = f(X_t, a_t)\\,\\dd t + \\Sigma(X_t, a_t)\\,\\dd W_t$: a drift $f$ that moves it predictably and a diffusion $\\Sigma$ that scales Brownian noise. The integral is Itô\'s: the integrand is evaluated at the left end of each step.',
  },
  {
    id: 'ou-process',
    term: 'Ornstein–Uhlenbeck process',
    definition:
      'The solution of $\\dd X_t = \\theta(\\mu - X_t)\\,\\dd t + \\sigma\\,\\dd W_t$ with $\\theta > 0$: Brownian noise pulled back to the level $\\mu$ at rate $\\theta$. $X_t$ is Gaussian with mean $\\mu + (x_0 - \\mu)e^{-\\theta t}$ and variance $\\tfrac{\\sigma^2}{2\\theta}(1 - e^{-2\\theta t})$.',
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
];
