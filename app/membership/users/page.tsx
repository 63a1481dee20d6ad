import type { Metadata } from "next";
import { Card, CardTitle, PageHeader } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, Td } from "@/components/ui/table";
import { db } from "@/db/client";
import { requirePage } from "@/lib/auth/guard";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { listUsers } from "@/lib/users/verbs";
import { AddUserForm, DisableForm, RoleForm } from "./user-forms";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const ctx = await requirePage("users:manage");
  const users = await listUsers(db(), ctx.orgId);
  return (
    <>
      <PageHeader
        title="Users"
        description="Add people to your organization, change their role or disable them. Changes apply on their next request."
      />
      <Table head={["Name", "Email", "Role", "Status", "Actions"]}>
        {users.map((u) => (
          <tr key={u.id}>
            <Td>{u.name}</Td>
            <Td>{u.email}</Td>
            <Td>{u.disabledAt ? ROLE_LABELS[u.role] : <RoleForm userId={u.id} role={u.role} name={u.name} />}</Td>
            <Td>
              {u.disabledAt ? (
                <StatusBadge label="Disabled" tone="danger" />
              ) : (
                <StatusBadge label="Active" tone="success" />
              )}
            </Td>
            <Td>{u.disabledAt || u.id === ctx.userId ? null : <DisableForm userId={u.id} name={u.name} />}</Td>
          </tr>
        ))}
      </Table>
      <Card className="mt-6">
        <CardTitle>Add a user</CardTitle>
        <div className="mt-3">
          <AddUserForm />
        </div>
      </Card>
    </>
  );
}
