"use server";
import { z } from "zod";
import { db } from "@/db/client";
import { type FormState, formObject, runOperatorAction } from "@/lib/actions";
import { now, today } from "@/lib/clock";
import { cancelOrder, confirmPayment, orderNumberInput } from "@/lib/offers/payments";
import { setTrack, setTrackInput } from "@/lib/orgs/tracks";
import { createOrganization, newOrgInput, verifyOrganization } from "@/lib/orgs/verbs";

// SPEC §10: every operator action runs the operator guard, then the same verb as the CLI.
const partnerIdInput = z.object({ partnerId: z.string().trim().min(1, "Unknown organization").max(40) });

export async function createOrgAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runOperatorAction(
    newOrgInput,
    formObject(form),
    async (op, input) => {
      const org = await createOrganization(db(), op, input);
      return `Created ${org.name} (partner ID ${org.partnerId}, ${org.country}).`;
    },
    "/operator",
  );
}

export async function verifyOrgAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runOperatorAction(
    partnerIdInput,
    formObject(form),
    async (op, { partnerId }) => {
      const org = await verifyOrganization(db(), op, partnerId);
      return `${org.name}'s account is verified.`;
    },
    "/operator",
  );
}

export async function setTrackAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runOperatorAction(
    setTrackInput,
    formObject(form),
    async (op, input) => {
      await setTrack(db(), op, input, now());
      return `Recorded the ${input.track === "smb" ? "SMB" : "enterprise"} track for Business Applications.`;
    },
    "/operator",
  );
}

export async function confirmPaymentAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runOperatorAction(
    orderNumberInput,
    formObject(form),
    async (op, input) => {
      const { order, already } = await confirmPayment(db(), op, input, today());
      return already
        ? `Order ${order.number} was already confirmed (paid on ${order.paidOn}); nothing changed.`
        : `Payment for order ${order.number} confirmed; the designation is active.`;
    },
    "/operator/payments",
  );
}

export async function cancelOrderAction(_prev: FormState, form: FormData): Promise<FormState> {
  return runOperatorAction(
    orderNumberInput,
    formObject(form),
    async (op, input) => {
      const order = await cancelOrder(db(), op, input, today());
      return `Order ${order.number} was cancelled.`;
    },
    "/operator/payments",
  );
}
