Require Import Reals Lia Lra Setoid Morphisms.
Open Scope R_scope.

(* a range stated without binders: opaque to the ∧/∨ splitting of `close` (which could not clear
   it from a section's context), the same proposition for everything else *)
Definition holds (P : Prop) : Prop := P.

(* n ∈ {1, 2, …}: a size of the model; every such n is INR (S N) for some N *)
Definition is_pos_nat (x : R) := exists k : nat, x = INR (S k).

(* y ∈ {0, 1, 2, …}: a count *)
Definition is_nat (x : R) := exists k : nat, x = INR k.

Lemma is_nat_nonneg x : is_nat x -> 0 <= x.
Proof. intros [k ->]. apply pos_INR. Qed.

(* x ∈ ℤ: a range of integers is stated exactly, is_int x with its bounds *)
Definition is_int (x : R) := exists z : Z, x = IZR z.

Lemma is_int_num z : is_int (IZR z).
Proof. exists z. reflexivity. Qed.

Lemma is_int_add a b : is_int a -> is_int b -> is_int (a + b).
Proof. intros [p ->] [q ->]. exists (p + q)%Z. symmetry. apply plus_IZR. Qed.

Lemma is_int_sub a b : is_int a -> is_int b -> is_int (a - b).
Proof. intros [p ->] [q ->]. exists (p - q)%Z. symmetry. apply minus_IZR. Qed.

Lemma is_int_mul a b : is_int a -> is_int b -> is_int (a * b).
Proof. intros [p ->] [q ->]. exists (p * q)%Z. symmetry. apply mult_IZR. Qed.

Lemma is_int_opp a : is_int a -> is_int (- a).
Proof. intros [p ->]. exists (- p)%Z. symmetry. apply opp_IZR. Qed.

Lemma is_int_pow a k : is_int a -> is_int (a ^ k).
Proof. intros [p ->]. exists (p ^ Z.of_nat k)%Z. rewrite pow_IZR. reflexivity. Qed.

Lemma is_int_abs a : is_int a -> is_int (Rabs a).
Proof. intros [p ->]. exists (Z.abs p). symmetry. apply abs_IZR. Qed.

Lemma is_int_nat x : is_nat x -> is_int x.
Proof. intros [k ->]. exists (Z.of_nat k). apply INR_IZR_INZ. Qed.

Lemma is_int_pos_nat x : is_pos_nat x -> is_int x.
Proof. intros [k ->]. exists (Z.of_nat (S k)). apply INR_IZR_INZ. Qed.

Lemma nat_of_int x : is_int x -> 0 <= x -> is_nat x.
Proof.
  intros [z ->] h. apply le_IZR in h. exists (Z.to_nat z).
  rewrite INR_IZR_INZ, Z2Nat.id by lia. reflexivity.
Qed.

Lemma pos_nat_of_int x : is_int x -> 1 <= x -> is_pos_nat x.
Proof.
  intros [z ->] h. apply le_IZR in h. exists (Z.to_nat (z - 1)).
  rewrite INR_IZR_INZ, Nat2Z.inj_succ, Z2Nat.id by lia. f_equal. lia.
Qed.

(* the natural number a real count stands for: k at x = INR k (Rnat_INR) *)
Definition Rnat (x : R) : nat := Z.to_nat (up x - 1).

Lemma Rnat_INR k : Rnat (INR k) = k.
Proof.
  unfold Rnat.
  assert (h : up (INR k) = (Z.of_nat k + 1)%Z).
  { symmetry. apply tech_up; rewrite plus_IZR, <- INR_IZR_INZ; simpl; lra. }
  rewrite h, Z.add_simpl_r. apply Nat2Z.id.
Qed.

(* the factorial of a real count: k! at x = INR k (Rfact_INR) *)
Definition Rfact (x : R) : R := INR (fact (Rnat x)).

Lemma Rfact_INR k : Rfact (INR k) = INR (fact k).
Proof. unfold Rfact. rewrite Rnat_INR. reflexivity. Qed.

(* the binomial coefficient of real counts, by Pascal's rule *)
Fixpoint binom (n k : nat) : nat :=
  match n, k with
  | _, O => 1%nat
  | O, S _ => 0%nat
  | S m, S j => (binom m j + binom m (S j))%nat
  end.

Definition Rbinom (a b : R) : R := INR (binom (Rnat a) (Rnat b)).

Lemma binom_pos n k : (k <= n)%nat -> (1 <= binom n k)%nat.
Proof.
  revert k. induction n as [| m IH]; intros [| j] h; simpl; try lia.
  specialize (IH j ltac:(lia)). lia.
Qed.

Lemma Rfact_ge_1 x : 1 <= Rfact x.
Proof. unfold Rfact. apply (le_INR 1). pose proof (lt_O_fact (Rnat x)). lia. Qed.

Lemma is_nat_add a b : is_nat a -> is_nat b -> is_nat (a + b).
Proof. intros [p ->] [q ->]. exists (p + q)%nat. symmetry. apply plus_INR. Qed.

Lemma is_nat_mul a b : is_nat a -> is_nat b -> is_nat (a * b).
Proof. intros [p ->] [q ->]. exists (p * q)%nat. symmetry. apply mult_INR. Qed.

Lemma Rbinom_nat a b : is_nat (Rbinom a b).
Proof. exists (binom (Rnat a) (Rnat b)). reflexivity. Qed.

Lemma Rbinom_pos_nat a b : is_nat a -> is_nat b -> is_nat (a - b) -> is_pos_nat (Rbinom a b).
Proof.
  intros [p ->] [q ->] [r hr]. unfold Rbinom. rewrite !Rnat_INR.
  assert (le : (q <= p)%nat) by (apply INR_le; pose proof (pos_INR r); lra).
  exists (pred (binom p q)). f_equal. pose proof (binom_pos p q le). lia.
Qed.

Lemma Rfact_pos_nat x : is_pos_nat (Rfact x).
Proof.
  unfold Rfact. set (m := fact _). exists (pred m).
  assert (0 < m)%nat by apply lt_O_fact. f_equal. lia.
Qed.

Lemma is_pos_nat_pos x : is_pos_nat x -> 0 < x.
Proof. intros [k ->]. apply lt_0_INR. lia. Qed.

Lemma is_pos_nat_ge_1 x : is_pos_nat x -> 1 <= x.
Proof. intros [k ->]. apply (le_INR 1). lia. Qed.

Lemma is_pos_nat_INR k : is_pos_nat (INR (S k)).
Proof. exists k. reflexivity. Qed.

(* a whole number >= 1 to the power of a count: a^e = a^K for e = INR K (Coq's Rpower_pow), and
   (S A)^K is no 0 *)
Lemma Rpower_pos_nat a e : is_pos_nat a -> is_nat e -> is_pos_nat (Rpower a e).
Proof.
  intros [A ->] [K ->]. rewrite Rpower_pow by (apply lt_0_INR; lia). rewrite <- pow_INR.
  destruct (Nat.pow (S A) K) as [| m] eqn:E.
  - exfalso. exact (Nat.pow_nonzero (S A) K ltac:(lia) E).
  - exists m. reflexivity.
Qed.

(* sums and products over 0..N are congruences for pointwise equality (setoid_rewrite under fun) *)
#[export] Instance sum_f_R0_proper : Proper (pointwise_relation nat eq ==> eq ==> eq) sum_f_R0.
Proof. intros f g h m m' <-. apply sum_eq. intros i _. apply h. Qed.

#[export] Instance prod_f_R0_proper : Proper (pointwise_relation nat eq ==> eq ==> eq) prod_f_R0.
Proof. intros f g h m m' <-. induction m; simpl; rewrite ?h, ?IHm; reflexivity. Qed.

(* x ↦ g x strictly increasing on the set P: the kernel's StrictlyIncreasing(g, x, I) *)
Definition increasing_on (P : R -> Prop) (g : R -> R) :=
  forall x y, P x -> P y -> x < y -> g x < g y.

Lemma ln_increasing_on : increasing_on (fun x => 0 < x) ln.
Proof. intros x y hx _ h. apply ln_increasing; auto. Qed.

Section Optimizers.
Variable T : Type.
Definition is_argmax (f : T -> R) (t : T) := forall s, f s <= f t.
Definition is_argmin (f : T -> R) (t : T) := forall s, f t <= f s.

(* transfer of maximizers through a map g strictly increasing on a set P holding every value of f *)
Lemma argmax_strict_mono (g : R -> R) (P : R -> Prop) (f : T -> R) (inP : forall s, P (f s))
  (mono : increasing_on P g) t :
  is_argmax f t <-> is_argmax (fun s => g (f s)) t.
Proof.
  unfold is_argmax; split; intros H s.
  - destruct (Rle_lt_or_eq_dec _ _ (H s)) as [Hlt|Heq].
    + left. apply mono; auto.
    + rewrite Heq. right. reflexivity.
  - destruct (Rle_or_lt (f s) (f t)) as [Hle|Hgt]; auto.
    exfalso. specialize (H s). specialize (mono _ _ (inP t) (inP s) Hgt). lra.
Qed.

Lemma argmax_ln (f : T -> R) (pos : forall s, 0 < f s) t :
  is_argmax f t <-> is_argmax (fun s => ln (f s)) t.
Proof. apply (argmax_strict_mono ln (fun x => 0 < x)); auto. apply ln_increasing_on. Qed.

Lemma argmax_neg (f : T -> R) t : is_argmax f t <-> is_argmin (fun s => - f s) t.
Proof. unfold is_argmax, is_argmin; split; intros H s; specialize (H s); lra. Qed.

Lemma argmin_scale (f : T -> R) (c : R) (hc : 0 < c) t :
  is_argmin f t <-> is_argmin (fun s => c * f s) t.
Proof.
  unfold is_argmin; split; intros H s; specialize (H s).
  - apply Rmult_le_compat_l; lra.
  - apply Rmult_le_reg_l with c; auto.
Qed.

Lemma argmin_shift (f : T -> R) (d : R) t : is_argmin f t <-> is_argmin (fun s => f s + d) t.
Proof. unfold is_argmin; split; intros H s; specialize (H s); lra. Qed.

Lemma argmin_ext (f g : T -> R) (h : forall s, f s = g s) t : is_argmin f t <-> is_argmin g t.
Proof.
  unfold is_argmin; split; intros H s; pose proof (H s) as Hs; rewrite ?(h s), ?(h t) in *; auto.
Qed.

Lemma argmax_ext (f g : T -> R) (h : forall s, f s = g s) t : is_argmax f t <-> is_argmax g t.
Proof.
  unfold is_argmax; split; intros H s; pose proof (H s) as Hs; rewrite ?(h s), ?(h t) in *; auto.
Qed.

Lemma argmin_neg (f : T -> R) t : is_argmin f t <-> is_argmax (fun s => - f s) t.
Proof. unfold is_argmax, is_argmin; split; intros H s; specialize (H s); lra. Qed.

(* and of minimizers *)
Lemma argmin_strict_mono (g : R -> R) (P : R -> Prop) (f : T -> R) (inP : forall s, P (f s))
  (mono : increasing_on P g) t :
  is_argmin f t <-> is_argmin (fun s => g (f s)) t.
Proof.
  unfold is_argmin; split; intros H s.
  - destruct (Rle_lt_or_eq_dec _ _ (H s)) as [Hlt|Heq].
    + left. apply mono; auto.
    + rewrite Heq. right. reflexivity.
  - destruct (Rle_or_lt (f t) (f s)) as [Hle|Hgt]; auto.
    exfalso. specialize (H s). specialize (mono _ _ (inP s) (inP t) Hgt). lra.
Qed.

Lemma argmin_ln (f : T -> R) (pos : forall s, 0 < f s) t :
  is_argmin f t <-> is_argmin (fun s => ln (f s)) t.
Proof. apply (argmin_strict_mono ln (fun x => 0 < x)); auto. apply ln_increasing_on. Qed.

Lemma argmax_scale (f : T -> R) (c : R) (hc : 0 < c) t :
  is_argmax f t <-> is_argmax (fun s => c * f s) t.
Proof.
  unfold is_argmax; split; intros H s; specialize (H s).
  - apply Rmult_le_compat_l; lra.
  - apply Rmult_le_reg_l with c; auto.
Qed.

Lemma argmax_shift (f : T -> R) (d : R) t : is_argmax f t <-> is_argmax (fun s => f s + d) t.
Proof. unfold is_argmax; split; intros H s; specialize (H s); lra. Qed.
End Optimizers.

Lemma prod_pos (f : nat -> R) (h : forall i, 0 < f i) m : 0 < prod_f_R0 f m.
Proof. induction m; simpl; auto. apply Rmult_lt_0_compat; auto. Qed.

Lemma prod_in_unit (f : nat -> R) (h : forall i, 0 < f i <= 1) m : 0 < prod_f_R0 f m <= 1.
Proof.
  induction m; simpl; [apply h |].
  destruct IHm, (h (S m)). split; [apply Rmult_lt_0_compat; lra |].
  apply Rle_trans with (1 * 1); [apply Rmult_le_compat; lra | lra].
Qed.

Lemma prod_ge_one (f : nat -> R) (h : forall i, 1 <= f i) m : 1 <= prod_f_R0 f m.
Proof.
  induction m; simpl; [apply h |].
  pose proof (h (S m)).
  apply Rle_trans with (1 * 1); [lra | apply Rmult_le_compat; lra].
Qed.

Lemma ln_prod (f : nat -> R) (h : forall i, 0 < f i) m :
  ln (prod_f_R0 f m) = sum_f_R0 (fun i => ln (f i)) m.
Proof.
  induction m; simpl; auto.
  rewrite ln_mult; auto. rewrite IHm; auto. apply prod_pos; auto.
Qed.

Lemma sum_split (f g : nat -> R) m :
  sum_f_R0 (fun i => f i + g i) m = sum_f_R0 f m + sum_f_R0 g m.
Proof. apply sum_plus. Qed.

(* Σ (f + g) = Σ f + Σ g with f, g given (no higher-order unification, no η-reduced sums) *)
Lemma sum_plus_at (f g h : nat -> R) m :
  (forall i, h i = f i + g i) -> sum_f_R0 h m = sum_f_R0 f m + sum_f_R0 g m.
Proof. intros e. rewrite <- sum_plus. apply sum_eq. intros i _. apply e. Qed.

Lemma sum_factor (f : nat -> R) c m : sum_f_R0 (fun i => c * f i) m = c * sum_f_R0 f m.
Proof. rewrite scal_sum. apply sum_eq; intros; ring. Qed.

Lemma ln_Rpower x e : 0 < x -> ln (Rpower x e) = e * ln x.
Proof. intros; unfold Rpower; rewrite ln_exp; reflexivity. Qed.

Lemma Rpower_pos x e : 0 < Rpower x e.
Proof. unfold Rpower; apply exp_pos. Qed.

(* b^e = exp(e ln b) keeps b's side of 1 for e >= 0 *)
Lemma Rpower_in_unit b e : 0 < b <= 1 -> 0 <= e -> 0 < Rpower b e <= 1.
Proof.
  intros [hb hb1] he. split; [apply Rpower_pos |]. unfold Rpower. rewrite <- exp_0.
  assert (ln b <= 0) by (destruct (Req_dec b 1) as [-> | h]; [rewrite ln_1; lra |
    left; rewrite <- ln_1; apply ln_increasing; lra]).
  destruct (Rle_lt_or_eq_dec _ _ (Rmult_le_compat_l e _ _ he H)) as [h | h];
    [left; apply exp_increasing; lra | right; rewrite Rmult_0_r in h; rewrite h; reflexivity].
Qed.

Lemma Rpower_ge_one b e : 1 <= b -> 0 <= e -> 1 <= Rpower b e.
Proof.
  intros hb he. unfold Rpower. rewrite <- exp_0.
  assert (0 <= ln b) by (destruct (Req_dec b 1) as [-> | h]; [rewrite ln_1; lra |
    left; rewrite <- ln_1; apply ln_increasing; lra]).
  destruct (Rle_lt_or_eq_dec _ _ (Rmult_le_compat_l e _ _ he H)) as [h | h];
    [left; apply exp_increasing; lra | right; rewrite Rmult_0_r in h; rewrite h; reflexivity].
Qed.

Lemma pi_bounds : 3 < PI < 4.
Proof.
  split; [pose proof PI2_3_2; lra |].
  destruct (PI_ineq 1) as [_ h]. simpl in h. unfold tg_alt, PI_tg in h. simpl in h. lra.
Qed.

(* the kernel's table of functions (proofs.kernel.functions): the ranges it states, and the side of
   0 on which an increasing function with value v at 0 lies *)
Lemma pi_upper : PI < 16 / 5.
Proof.
  destruct (PI_2_3_7_ineq 1) as [_ h]. simpl in h.
  unfold tg_alt, PI_2_3_7_tg, Ratan_seq in h. simpl in h. lra.
Qed.

(* the table keeps atan's (-PI/2, PI/2) as (-8/5, 8/5) *)
Lemma atan_range x : -8/5 < atan x < 8/5.
Proof. pose proof (atan_bound x). pose proof pi_upper. lra. Qed.

Lemma cosh_ge_1 x : 1 <= cosh x.
Proof.
  unfold cosh. rewrite exp_Ropp. pose proof (exp_pos x) as h.
  pose proof (Rinv_0_lt_compat _ h). pose proof (Rinv_r (exp x) ltac:(lra)).
  pose proof (pow2_ge_0 (exp x - 1)). nra.
Qed.

Lemma tanh_alt x : tanh x = 1 - 2 / (exp (2 * x) + 1).
Proof.
  unfold tanh, sinh, cosh. rewrite exp_Ropp. replace (2 * x) with (x + x) by ring.
  rewrite exp_plus. pose proof (exp_pos x). field. split; [nra | lra].
Qed.

Lemma tanh_increasing x y : x < y -> tanh x < tanh y.
Proof.
  intros h. rewrite !tanh_alt.
  assert (exp (2 * x) < exp (2 * y)) by (apply exp_increasing; lra).
  pose proof (exp_pos (2 * x)).
  assert (2 / (exp (2 * y) + 1) < 2 / (exp (2 * x) + 1)); [| lra].
  apply Rmult_lt_compat_l; [lra |]. apply Rinv_lt_contravar; nra.
Qed.

Lemma tanh_bound x : -1 < tanh x < 1.
Proof.
  rewrite tanh_alt. pose proof (exp_pos (2 * x)).
  assert (0 < 2 / (exp (2 * x) + 1) < 2); [| lra].
  split; [apply Rdiv_lt_0_compat; lra |].
  apply (Rmult_lt_reg_r (exp (2 * x) + 1)); [lra |]. unfold Rdiv.
  rewrite Rmult_assoc, Rinv_l by lra. nra.
Qed.

Lemma tanh_0 : tanh 0 = 0.
Proof. unfold tanh. rewrite sinh_0, cosh_0. field. Qed.

Section Sides.
Variables (f : R -> R) (v : R).
Hypothesis f_increasing : forall x y, x < y -> f x < f y.
Hypothesis f_0 : f 0 = v.

Lemma above_pos x : 0 < x -> v < f x.
Proof. intros h. rewrite <- f_0. apply f_increasing; lra. Qed.

Lemma below_neg x : x < 0 -> f x < v.
Proof. intros h. rewrite <- f_0. apply f_increasing; lra. Qed.

Lemma above_nonneg x : 0 <= x -> v <= f x.
Proof. intros [h | <-]; [left; apply above_pos | right]; auto. Qed.

Lemma below_nonpos x : x <= 0 -> f x <= v.
Proof. intros [h | ->]; [left; apply below_neg | right]; auto. Qed.
End Sides.

(* The derivative of a term, rule by rule: Coq's derivable_pt_lim_… stated for functions written
   fun y => …, as the generated script writes them *)
Lemma d_eq f x a b : derivable_pt_lim f x a -> a = b -> derivable_pt_lim f x b.
Proof. intros h <-. exact h. Qed.

Lemma d_ext f g x a : (forall y, f y = g y) -> derivable_pt_lim f x a -> derivable_pt_lim g x a.
Proof.
  intros e h eps pos. destruct (h eps pos) as [d hd]. exists d. intros u nz small.
  rewrite <- !e. apply hd; auto.
Qed.

Lemma d_const c x : derivable_pt_lim (fun _ => c) x 0.
Proof. apply (derivable_pt_lim_const c). Qed.

Lemma d_id x : derivable_pt_lim (fun y => y) x 1.
Proof. apply derivable_pt_lim_id. Qed.

Lemma d_plus f g x a b : derivable_pt_lim f x a -> derivable_pt_lim g x b ->
  derivable_pt_lim (fun y => f y + g y) x (a + b).
Proof. apply derivable_pt_lim_plus. Qed.

Lemma d_mult f g x a b : derivable_pt_lim f x a -> derivable_pt_lim g x b ->
  derivable_pt_lim (fun y => f y * g y) x (a * g x + f x * b).
Proof. apply derivable_pt_lim_mult. Qed.

Lemma d_opp f x a : derivable_pt_lim f x a -> derivable_pt_lim (fun y => - f y) x (- a).
Proof. apply derivable_pt_lim_opp. Qed.

(* f ↦ F ∘ f for an F differentiable everywhere with derivative F' *)
Lemma d_chain (F F' f : R -> R) x a : (forall u, derivable_pt_lim F u (F' u)) ->
  derivable_pt_lim f x a -> derivable_pt_lim (fun y => F (f y)) x (F' (f x) * a).
Proof. intros hF h. exact (derivable_pt_lim_comp f F x a (F' (f x)) h (hF (f x))). Qed.

Lemma d_pow f x n m c a : c = INR n -> pred n = m -> derivable_pt_lim f x a ->
  derivable_pt_lim (fun y => pow (f y) n) x (c * pow (f x) m * a).
Proof.
  intros -> <- h. exact (derivable_pt_lim_comp f (fun y => y ^ n) x a _ h
                                               (derivable_pt_lim_pow (f x) n)).
Qed.

Lemma d_inv f x a : f x <> 0 -> derivable_pt_lim f x a ->
  derivable_pt_lim (fun y => / f y) x (- a / pow (f x) 2).
Proof.
  intros nz h. apply (d_eq _ _ ((0 * f x - a * 1) / Rsqr (f x))).
  - apply (d_ext (div_fct (fun _ => 1) f)); [intros y; unfold div_fct, Rdiv; ring |].
    apply (derivable_pt_lim_div (fun _ => 1) f x 0 a); auto. apply d_const.
  - unfold Rsqr. field. auto.
Qed.

Lemma d_ln f x a : 0 < f x -> derivable_pt_lim f x a ->
  derivable_pt_lim (fun y => ln (f y)) x (/ f x * a).
Proof. intros pos h. exact (derivable_pt_lim_comp f ln x a _ h (derivable_pt_lim_ln _ pos)). Qed.

Lemma d_Rpower f c c1 x a : c1 = c - 1 -> 0 < f x -> derivable_pt_lim f x a ->
  derivable_pt_lim (fun y => Rpower (f y) c) x (c * Rpower (f x) c1 * a).
Proof.
  intros -> pos h.
  exact (derivable_pt_lim_comp f (fun u => Rpower u c) x a _ h (derivable_pt_lim_power _ c pos)).
Qed.

Lemma derivable_pt_lim_tanh x : derivable_pt_lim tanh x (1 - tanh x ^ 2).
Proof.
  pose proof (cosh_ge_1 x). apply (d_eq _ _ ((cosh x * cosh x - sinh x * sinh x) / Rsqr (cosh x))).
  - apply (d_ext (div_fct sinh cosh)); [intros y; reflexivity |].
    apply derivable_pt_lim_div; [apply derivable_pt_lim_sinh | apply derivable_pt_lim_cosh | lra].
  - unfold tanh, Rsqr. field. lra.
Qed.

(* strict monotonicity on P from the derivative, positive on the interior Q (mean value theorem) *)
Lemma increasing_by_derivative (P Q : R -> Prop) (g g' : R -> R)
  (inside : forall x y z, P x -> P z -> x <= y <= z -> P y)
  (interior : forall x y z, P x -> P z -> x < y < z -> Q y)
  (derivative : forall x, P x -> derivable_pt_lim g x (g' x))
  (slope : forall x, Q x -> 0 < g' x) : increasing_on P g.
Proof.
  intros x y hx hy lt.
  destruct (MVT_cor2 g g' x y lt) as [c [e hc]].
  - intros c hc. apply derivative, (inside x c y); auto.
  - assert (0 < g' c) by (apply slope, (interior x c y); auto).
    assert (0 < g' c * (y - x)) by (apply Rmult_lt_0_compat; lra). lra.
Qed.

(* strictly increasing on each side of r, so on the interval P that holds both (a derivative >= 0
   that vanishes at r only: x^3 on R, split at 0) *)
Lemma increasing_join (P L Rt : R -> Prop) (g : R -> R) r
  (to_left : forall x, P x -> x <= r -> L x) (to_right : forall x, P x -> r <= x -> Rt x)
  (inside : forall x y z, P x -> P z -> x <= y <= z -> P y)
  (left : increasing_on L g) (right : increasing_on Rt g) : increasing_on P g.
Proof.
  intros a b ha hb h.
  destruct (Rle_or_lt b r) as [hbr | hrb].
  - apply left; auto; apply to_left; auto; lra.
  - destruct (Rle_or_lt r a) as [hra | har].
    + apply right; auto; apply to_right; auto; lra.
    + assert (P r) by (apply (inside a r b); auto; lra).
      apply Rlt_trans with (g r); [apply left | apply right]; auto;
        first [apply to_left | apply to_right]; auto; lra.
Qed.

Lemma ln_nonneg x : 1 <= x -> 0 <= ln x.
Proof. intros [h | <-]; [left; rewrite <- ln_1; apply ln_increasing; lra | rewrite ln_1; lra]. Qed.

Lemma ln_pos x : 1 < x -> 0 < ln x.
Proof. intros h. rewrite <- ln_1. apply ln_increasing; lra. Qed.

Lemma ln_neg x : 0 < x -> x < 1 -> ln x < 0.
Proof. intros h0 h1. rewrite <- ln_1. apply ln_increasing; lra. Qed.

Lemma ln_nonpos x : 0 < x -> x <= 1 -> ln x <= 0.
Proof.
  intros. destruct (Req_dec x 1) as [-> | ?]; [rewrite ln_1; lra |].
  left. rewrite <- ln_1. apply ln_increasing; lra.
Qed.

Lemma sum_pos (f : nat -> R) (h : forall i, 0 < f i) m : 0 < sum_f_R0 f m.
Proof. induction m; simpl; auto. apply Rplus_lt_0_compat; auto. Qed.

Lemma sum_nonneg (f : nat -> R) (h : forall i, 0 <= f i) m : 0 <= sum_f_R0 f m.
Proof. induction m; simpl; auto. apply Rplus_le_le_0_compat; auto. Qed.

Lemma sum_nonpos (f : nat -> R) (h : forall i, f i <= 0) m : sum_f_R0 f m <= 0.
Proof. induction m; simpl; auto. pose proof (h (S m)). lra. Qed.

Lemma sum_ones m : sum_f_R0 (fun _ => 1) m = INR (S m).
Proof. induction m; simpl sum_f_R0; [reflexivity | rewrite IHm, (S_INR (S m)); reflexivity]. Qed.

Lemma ln_div x y : 0 < x -> 0 < y -> ln (x / y) = ln x - ln y.
Proof.
  intros. unfold Rdiv.
  rewrite ln_mult, ln_Rinv; [ring | auto | auto | apply Rinv_0_lt_compat; auto].
Qed.

Lemma ln_inv x : 0 < x -> ln (/ x) = - ln x.
Proof. intros; apply ln_Rinv; auto. Qed.

Lemma inv_unit x : 1 < x -> 0 < / x < 1.
Proof.
  intros; split; [apply Rinv_0_lt_compat; lra | rewrite <- Rinv_1; apply Rinv_lt_contravar; lra].
Qed.

(* powers keep the order of nonnegatives (the ends of an interval: pow_incr when closed) *)
Lemma pow_strict x y n : 0 <= x -> x < y -> (0 < n)%nat -> x ^ n < y ^ n.
Proof.
  intros h0 h1 hn. induction n as [| [| m] IH]; [lia | simpl; lra |].
  change (x ^ S (S m)) with (x * x ^ S m). change (y ^ S (S m)) with (y * y ^ S m).
  assert (x ^ S m < y ^ S m) by (apply IH; lia).
  assert (0 <= x ^ S m) by (apply pow_le; lra). nra.
Qed.

(* 1/x between 1/b and 1/a for x between positive a and b *)
Lemma inv_below a x : 0 < a -> a < x -> / x < / a.
Proof. intros. apply Rinv_lt_contravar; [apply Rmult_lt_0_compat |]; lra. Qed.

Lemma inv_below_le a x : 0 < a -> a <= x -> / x <= / a.
Proof. intros. apply Rinv_le_contravar; lra. Qed.

Lemma inv_above x b : 0 < x -> x < b -> / b < / x.
Proof. intros. apply Rinv_lt_contravar; [apply Rmult_lt_0_compat |]; lra. Qed.

Lemma inv_above_le x b : 0 < x -> x <= b -> / b <= / x.
Proof. intros. apply Rinv_le_contravar; lra. Qed.

(* y^c with the integer part n of its exponent taken out as a power: y^c = y^d · y^n, so that
   the powers of one base have exponents in [0, 1) and field can compare them *)
Lemma Rpower_shift y c d n : 0 < y -> c = d + INR n -> Rpower y c = Rpower y d * y ^ n.
Proof. intros hy ->. rewrite Rpower_plus, Rpower_pow by assumption. reflexivity. Qed.

Lemma Rpower_shift_neg y c d n : 0 < y -> c = d - INR n -> Rpower y c = Rpower y d * / y ^ n.
Proof.
  intros hy ->. unfold Rminus. rewrite Rpower_plus, Rpower_Ropp, Rpower_pow by assumption.
  reflexivity.
Qed.

(* exp a ^ n = exp (n a): a power of an exponential as one exponential *)
Lemma exp_pow_nat a n : exp a ^ n = exp (INR n * a).
Proof.
  induction n as [| m IH]; [simpl; rewrite Rmult_0_l, exp_0; reflexivity |].
  rewrite S_INR, Rmult_plus_distr_r, Rmult_1_l, exp_plus, <- IH. simpl. ring.
Qed.

(* exp b = 1/exp a for b = −a: exp((−1/2)·x) and exp((1/2)·x), as the term printer writes them, as
   one atom and its inverse *)
Lemma exp_opp_eq a b : b = - a -> exp b = / exp a.
Proof. intros ->. apply exp_Ropp. Qed.

(* exp (k a) = (exp a)^k for an integer k (1/(exp a)^|k| for k < 0): an exponential of a multiple
   as a power of one exponential, which field then compares with others *)
Lemma exp_Zmul k a : exp (IZR k * a) = powerRZ (exp a) k.
Proof.
  destruct k as [| p | p]; simpl.
  - rewrite Rmult_0_l, exp_0; reflexivity.
  - rewrite exp_pow_nat, INR_IPR; reflexivity.
  - rewrite exp_pow_nat, INR_IPR, <- exp_Ropp; f_equal; unfold IZR; ring.
Qed.

(* y^(p/q) = (y^(1/q))^p, and y = (y^(1/q))^q: the powers of one base as powers of one root *)
Lemma Rpower_frac y d e p : 0 < y -> d = INR p * e -> Rpower y d = Rpower y e ^ p.
Proof.
  intros hy ->. rewrite <- (Rpower_pow p (Rpower y e)) by apply Rpower_pos.
  rewrite Rpower_mult. f_equal. ring.
Qed.

Lemma Rpower_root y e q : 0 < y -> e * INR q = 1 -> y = Rpower y e ^ q.
Proof.
  intros hy he. rewrite <- (Rpower_pow q (Rpower y e)) by apply Rpower_pos.
  rewrite Rpower_mult, he, Rpower_1 by assumption. reflexivity.
Qed.

(* r^q = b for r the q-th root of a number b (√2² = 2): a fact the equalities rewrite with, since
   writing b as r^q everywhere would change every numeral b *)
Definition is_root (r : R) (q : nat) (b : R) := r ^ q = b.

Lemma Rpower_is_root y e q : 0 < y -> e * INR q = 1 -> is_root (Rpower y e) q y.
Proof. intros. unfold is_root. symmetry. apply Rpower_root; assumption. Qed.

(* 1/x between 1/a and 1/b for x between negative a and b: 1/x decreases there too *)
Lemma inv_neg_below a x : a < x -> x < 0 -> / x < / a.
Proof. intros. apply Rinv_lt_contravar; [nra | lra]. Qed.

Lemma inv_neg_below_le a x : a <= x -> x < 0 -> / x <= / a.
Proof. intros. destruct (Req_dec a x) as [<- | ?]; [lra | left; apply inv_neg_below; lra]. Qed.

Lemma inv_neg_above x b : x < b -> b < 0 -> / b < / x.
Proof. intros. apply Rinv_lt_contravar; [nra | lra]. Qed.

Lemma inv_neg_above_le x b : x <= b -> b < 0 -> / b <= / x.
Proof. intros. destruct (Req_dec x b) as [-> | ?]; [lra | left; apply inv_neg_above; lra]. Qed.

(* the same with the bound's power given as a number c, so that x^n can stay an atom for lra *)
Lemma pow_above_c a x n c : 0 <= a -> a < x -> (0 < n)%nat -> c = a ^ n -> c < x ^ n.
Proof. intros; subst; apply pow_strict; auto. Qed.

Lemma pow_below_c x b n c : 0 <= x -> x < b -> (0 < n)%nat -> c = b ^ n -> x ^ n < c.
Proof. intros; subst; apply pow_strict; auto. Qed.

Lemma pow_above_le_c a x n c : 0 <= a <= x -> c = a ^ n -> c <= x ^ n.
Proof. intros; subst; apply pow_incr; auto. Qed.

Lemma pow_below_le_c x b n c : 0 <= x <= b -> c = b ^ n -> x ^ n <= c.
Proof. intros; subst; apply pow_incr; auto. Qed.

(* x² for x between a < 0 < b: below b² when b is the farther end from 0, below a² when a is, and
   strictly below when the end it reaches is open (nra alone finds no witness for a base such as
   x − 1/2: it needs b + x >= 0, or −a − x >= 0, as a fact) *)
Lemma sqr_below_le a b x c : a <= x <= b -> - a <= b -> c = b ^ 2 -> x ^ 2 <= c.
Proof. intros [? ?] ? ->. simpl. rewrite !Rmult_1_r. assert (0 <= b + x) by lra. nra. Qed.

Lemma sqr_below_lt a b x c : a <= x < b -> - a < b -> c = b ^ 2 -> x ^ 2 < c.
Proof. intros [? ?] ? ->. simpl. rewrite !Rmult_1_r. assert (0 < b + x) by lra. nra. Qed.

Lemma sqr_above_le a b x c : a <= x <= b -> b <= - a -> c = a ^ 2 -> x ^ 2 <= c.
Proof. intros [? ?] ? ->. simpl. rewrite !Rmult_1_r. assert (0 <= - a - x) by lra. nra. Qed.

Lemma sqr_above_lt a b x c : a < x <= b -> b < - a -> c = a ^ 2 -> x ^ 2 < c.
Proof. intros [? ?] ? ->. simpl. rewrite !Rmult_1_r. assert (0 < - a - x) by lra. nra. Qed.

Lemma sqr_open_lt a b x c : a < x < b -> - a <= b -> c = b ^ 2 -> x ^ 2 < c.
Proof. intros [? ?] ? ->. simpl. rewrite !Rmult_1_r. assert (0 < b + x) by lra. nra. Qed.

(* x^n from (−x)^n, by the parity of n *)
Lemma pow_opp_parity x n : (- x) ^ n = (if Nat.even n then 1 else -1) * x ^ n.
Proof.
  induction n as [| m IH]; [simpl; ring |]. simpl pow. rewrite IH, Nat.even_succ, <- Nat.negb_even.
  destruct (Nat.even m); simpl; ring.
Qed.

Lemma pow_even x n : Nat.even n = true -> x ^ n = (- x) ^ n.
Proof. intros h. rewrite pow_opp_parity, h. ring. Qed.

Lemma pow_odd x n : Nat.even n = false -> x ^ n = - (- x) ^ n.
Proof. intros h. rewrite pow_opp_parity, h. ring. Qed.

(* Euler's number within the kernel's (2, 3): exp 1 = exp(1/6)^6 < (6/5)^6 *)
Lemma e_bounds : 2 < exp 1 < 3.
Proof.
  split; [pose proof (exp_ineq1 1 ltac:(lra)); lra |].
  pose proof (exp_ineq1 (- (1 / 6)) ltac:(lra)) as h.
  assert (e6 : exp (1 / 6) < 6 / 5).
  { rewrite exp_Ropp in h. pose proof (exp_pos (1 / 6)).
    apply (Rmult_lt_reg_r (/ exp (1 / 6))); [apply Rinv_0_lt_compat; lra |].
    rewrite Rinv_r by lra. assert (0 < 5 / 6) by lra.
    apply (Rmult_lt_reg_l (5 / 6)); [lra |]. field_simplify; lra. }
  replace 1 with (6 * (1 / 6)) at 1 by field.
  pose proof (pow_strict (exp (1 / 6)) (6 / 5) 6 ltac:(left; apply exp_pos) e6 ltac:(lia)).
  replace (exp (6 * (1 / 6))) with (exp (1 / 6) ^ 6); [simpl in *; lra |].
  replace (6 * (1 / 6)) with (1/6 + 1/6 + 1/6 + 1/6 + 1/6 + 1/6) by field.
  rewrite !exp_plus. simpl. ring.
Qed.

Lemma inv_le_1 x : 1 <= x -> 0 < / x <= 1.
Proof.
  intros; split; [apply Rinv_0_lt_compat; lra | rewrite <- Rinv_1; apply Rinv_le_contravar; lra].
Qed.

Lemma inv_pos_nat x : is_pos_nat x -> 0 < / x <= 1.
Proof.
  intros [k ->]. split; [apply Rinv_0_lt_compat, lt_0_INR; lia |].
  rewrite <- Rinv_1. apply Rinv_le_contravar; [lra | apply (le_INR 1); lia].
Qed.

Lemma inv_pos_rev x : 0 < / x -> 0 < x.
Proof.
  intros h. destruct (Rtotal_order x 0) as [lt | [eq | gt]]; auto.
  - pose proof (Rinv_lt_0_compat x lt). lra.
  - subst. rewrite Rinv_0 in h. lra.
Qed.

(* the positivity of the model's sizes n, K: redefined by each generated section *)
Ltac sizes := idtac.

(* a copy of each `holds P` range, once, for `close` to take apart *)
Ltac unhold :=
  repeat match goal with
  | H : holds ?P |- _ => lazymatch goal with _ : P |- _ => fail | _ => pose proof (H : P) end
  end.

(* the facts in context, taken apart: counts and sizes as bounds, conjunctions and cases *)
Ltac facts :=
  repeat match goal with
  | H : is_pos_nat _ |- _ => apply is_pos_nat_ge_1 in H
  | H : is_nat _ |- _ => apply is_nat_nonneg in H
  | H : 0 < / ?x |- _ =>
      lazymatch goal with _ : 0 < x |- _ => fail | _ => pose proof (inv_pos_rev _ H) end
  | H : _ /\ _ |- _ => destruct H
  | H : _ \/ _ |- _ => destruct H
  end.

(* each power an opaque number: lra would expand (a + 1/7)^14 into a polynomial (minutes) *)
Ltac atoms :=
  repeat match goal with
  | |- context [pow ?e ?k] => let v := fresh "v" in set (v := pow e k) in *; clearbody v
  | H : context [pow ?e ?k] |- _ => let v := fresh "v" in set (v := pow e k) in *; clearbody v
  end.

(* A membership closed from the facts in context: first with powers as atoms (the bounds posed
   for them suffice), then powers expanded for lra and nra *)
Ltac close :=
  cbv beta; sizes; unhold;
  first [ solve [facts; atoms; first [ exact I | solve [repeat split; lra] | solve [left; lra]
                                     | solve [right; lra] | solve [intro; lra] ]]
        | simpl pow in *; rewrite ?Rmult_1_r in *; facts;
          first [ exact I | solve [repeat split; lra] | solve [apply Rgt_not_eq, exp_pos]
                | solve [apply Rle_0_sqr] | solve [left; lra] | solve [right; lra]
                | solve [intro; lra] | solve [repeat split; nra] ] ].

Lemma IZR_eq_iff a b : IZR a = IZR b <-> a = b.
Proof. split; [apply eq_IZR | intros ->; reflexivity]. Qed.

Lemma IZR_le_iff a b : IZR a <= IZR b <-> (a <= b)%Z.
Proof. split; [apply le_IZR | apply IZR_le]. Qed.

Lemma IZR_lt_iff a b : IZR a < IZR b <-> (a < b)%Z.
Proof. split; [apply lt_IZR | apply IZR_lt]. Qed.

(* an integer from integers by +, −, ·, powers; counts and sizes are integers *)
Ltac integral :=
  cbv beta; unhold;
  repeat match goal with H : _ /\ _ |- _ => destruct H | H : _ \/ _ |- _ => destruct H end;
  (* a fact about the whole term first: taken apart, - |y i| leaves y i, of which none is known *)
  repeat first [ assumption | apply is_int_num
               | apply is_int_nat; assumption | apply is_int_pos_nat; assumption
               | match goal with H : ?x = IZR _ |- is_int ?x => rewrite H end
               | apply is_int_add | apply is_int_sub | apply is_int_mul | apply is_int_opp
               | apply is_int_pow | apply is_int_abs ].

(* a membership in ℕ₀, ℕ or a range of integers: integrality, then the bounds *)
(* a claim about integers decided in Z: each integer x is IZR z, the claim's sums, differences and
   products of them moved under IZR, then lia *)
Ltac in_Z :=
  cbv beta; unhold; unfold Rge, Rgt in *;
  repeat match goal with
  | H : _ /\ _ |- _ => destruct H
  | H : is_nat ?x |- _ => pose proof (is_nat_nonneg _ H); apply is_int_nat in H
  | H : is_pos_nat ?x |- _ => pose proof (is_pos_nat_ge_1 _ H); apply is_int_pos_nat in H
  | H : _ \/ _ |- _ => destruct H
  | H : is_int ?x |- _ =>
      let z := fresh "z" in let e := fresh "e" in destruct H as [z e]; rewrite e in *
  | H : ?x = IZR _ |- _ => progress rewrite H in *
  end;
  rewrite <- ?plus_IZR, <- ?opp_IZR, <- ?minus_IZR, <- ?mult_IZR, ?pow_IZR, ?Rabs_Zabs in *;
  rewrite ?IZR_eq_iff, ?IZR_le_iff, ?IZR_lt_iff in *; simpl Z.of_nat in *; first [lia | nia].

Ltac count :=
  first [ solve [apply nat_of_int; [integral | first [close | in_Z]]]
        | solve [apply pos_nat_of_int; [integral | first [close | in_Z]]]
        | solve [split; [integral | first [close | in_Z]]] ].

(* an equality whose sides differ by the order of terms and factors, under sums too *)
Ltac same := match goal with |- ?a = ?a => reflexivity end.

(* each power r^q of a root of a number b written b (√2² = 2) *)
Ltac roots := repeat match goal with
  | H : is_root ?r ?q ?b |- context [?r ^ ?q] => rewrite (H : r ^ q = b) end.

(* field, or field once each power of a root of a number is that number *)
Ltac field_roots := first [ field | ring_simplify; roots; field ].

(* the same argument written two ways under exp, ln or Rpower (sympy's derivative and the one
   composed rule by rule): written one way, when ring or field equates them *)
Ltac args :=
  repeat match goal with
  | |- context [exp ?a] => match goal with |- context [exp ?b] =>
      assert_fails (constr_eq a b); replace a with b by (simpl; field_roots) end
  | |- context [ln ?a] => match goal with |- context [ln ?b] =>
      assert_fails (constr_eq a b); replace a with b by (simpl; field_roots) end
  | |- context [Rpower ?u ?a] => match goal with |- context [Rpower ?v ?b] =>
      assert_fails (constr_eq (u, a) (v, b));
      replace (Rpower u a) with (Rpower v b) by (f_equal; simpl; field_roots) end
  end.

(* a base of a real power is positive: from the facts, or exp, or PI's bounds *)
Ltac base_pos := first [ close | apply exp_pos | pose proof pi_bounds; close ].

Ltac norm :=
  cbv beta;
  first [ same | solve [ring]
        | solve [field; repeat split; close]
        | solve [ring_simplify; roots; field; repeat split; close]
        | solve [field_simplify_eq; try solve [ring_simplify; roots; ring]; repeat split; close]
        | solve [rewrite ?exp_plus, ?exp_Ropp; field; repeat split; close]
        | solve [rewrite ?exp_Zmul, ?exp_plus, ?exp_Ropp; simpl powerRZ; field; repeat split;
                 close]
        | solve [rewrite exp_ln by assumption; same]
        | match goal with
          | |- sum_f_R0 _ _ = sum_f_R0 _ _ => apply sum_eq; intros ? ?; norm
          | |- prod_f_R0 _ _ = prod_f_R0 _ _ =>
              apply prod_f_R0_proper; [intros ?; norm | reflexivity]
          end ].

(* the values of an inverse 1/x, from those of x *)
Ltac inverse :=
  first [ solve [apply inv_pos_nat; assumption] | solve [apply inv_unit; close]
        | solve [apply inv_le_1; close]
        | solve [apply Rinv_0_lt_compat; close] | close ].

(* 0 < a * b * …: each factor from the facts in context.  A fact in context is tried before the
   product rule, which apply would otherwise unify with a numeral (2 unfolds to a product) *)
Ltac positive :=
  first [ assumption | apply exp_pos | apply Rpower_pos
        | apply Rmult_lt_0_compat; positive | inverse ].
